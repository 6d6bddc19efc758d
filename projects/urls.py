"""Public addresses. They are shared and bookmarked: keep them stable; a retired address
redirects permanently instead of breaking links."""

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path(
        "organizations/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place-detail"),
]
