"""Reads that span several models: a visitor's search of the project list (search.py), and the
figures of the home, organisation and place pages (pages.py). Each runs a fixed number of
queries, whatever the number of projects; aggregates come from SQL (aggregates.py)."""

from .pages import (
    OrganizationSummary,
    RegistryTotals,
    donor_totals,
    donors_with_counts,
    home_figures,
    organization_summary,
    place_figures,
    place_projects,
    registry_totals,
    top_places,
)
from .search import PAGE_SIZE, ProjectSearch

__all__ = [
    "PAGE_SIZE",
    "OrganizationSummary",
    "ProjectSearch",
    "RegistryTotals",
    "donor_totals",
    "donors_with_counts",
    "home_figures",
    "organization_summary",
    "place_figures",
    "place_projects",
    "registry_totals",
    "top_places",
]
