"""evaltools: evaluation toolkit for Samordningsförbund (Finsam) projects.

Load a project with :func:`load_project`, then assess goals, compare cohorts and run the
cost-benefit analysis; ``evaltools render`` turns it all into a report.
"""
from .config import ProjectParams, load_params
from .errors import DataValidationError, EvaltoolsError, ParamsError, PersonalIdentityNumberError, ReportError
from .cohorts import composition, flows, outcome_rates, success_model, time_to_exit
from .comparison import compare_payments
from .costbenefit import cost_benefit, costs
from .goals import assess_goals
from .io import Project, load_project

__version__ = "0.1.0"

__all__ = [
    "DataValidationError",
    "EvaltoolsError",
    "ParamsError",
    "PersonalIdentityNumberError",
    "Project",
    "ProjectParams",
    "ReportError",
    "__version__",
    "assess_goals",
    "compare_payments",
    "composition",
    "cost_benefit",
    "costs",
    "flows",
    "load_params",
    "load_project",
    "outcome_rates",
    "success_model",
    "time_to_exit",
]
