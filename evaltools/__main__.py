from .publish.cli import run

run()
