"""Check rendered HTML reports with axe-core (WCAG 2.1 A and AA rules) in headless Chromium.

Run by ``make a11y``, which renders the samples first. Needs Chromium and its WebDriver from the
system's packages (Debian: ``apt-get install chromium chromium-driver``), selenium from PyPI and
axe-core from npm (``make a11y`` installs it into ``.a11y/``). Nothing is fetched while checking:
the reports are offline files and axe-core is injected from the local copy.

Usage: python scripts/a11y_check.py AXE_JS REPORT.html [REPORT.html ...]
Prints one line per report and every violation; exits 1 if any report has a violation.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def check(driver, axe_js: str, page: Path) -> list[dict]:
    driver.get(page.resolve().as_uri())
    driver.execute_script(axe_js)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(TAGS)}}}}})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));")
    return result


def main(argv: list[str]) -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    axe_js = Path(argv[0]).read_text(encoding="utf-8")
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(a)
    opts.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(120)
    failed = 0
    try:
        for name in argv[1:]:
            violations = check(driver, axe_js, Path(name))
            print(f"{'OK  ' if not violations else 'FAIL'} {name}: {len(violations)} violation(s)")
            for v in violations:
                failed += 1
                print(f"  - {v['id']} ({v.get('impact')}): {v['help']}")
                for n in v.get("nodes", [])[:5]:
                    print(f"      {', '.join(n.get('target', []))}: {n.get('failureSummary', '').splitlines()[-1:]}")
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
