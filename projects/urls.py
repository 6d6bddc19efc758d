from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
]
