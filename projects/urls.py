"""Public addresses. They are shared and bookmarked: keep them stable; a retired address
redirects permanently instead of breaking links."""

from django.urls import path

from . import corrections, embeds, indexes, maps, views
from .opendata import exports

app_name = "projects"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/export.csv", exports.export_csv, name="project-export-csv"),
    path("projects/export.xlsx", exports.export_xlsx, name="project-export-xlsx"),
    path("projects/export.json", exports.export_json, name="project-export-json"),
    path("projects/export-donors.csv", exports.export_donors_csv, name="project-export-donors"),
    path(
        "projects/export-organizations.csv",
        exports.export_organizations_csv,
        name="project-export-organizations",
    ),
    path("projects/map.json", maps.map_data, name="project-map"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path(
        "projects/<slug:slug>/press-releases/<int:pk>.txt",
        views.source_text,
        name="project-source-text",
    ),
    path(
        "organizations/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place-detail"),
    path("donors/", indexes.DonorIndexView.as_view(), name="donor-index"),
    path("organizations/", indexes.OrganizationIndexView.as_view(), name="organization-index"),
    path("places/", indexes.PlaceIndexView.as_view(), name="place-index"),
    path("open-data/", indexes.OpenDataView.as_view(), name="open-data"),
    path("about/", indexes.AboutView.as_view(), name="about"),
    path("corrections/new/", corrections.correction_new, name="correction-new"),
    path("embed/projects/", embeds.embed_projects, name="embed-projects"),
    path("embed/map/", embeds.embed_map, name="embed-map"),
]
