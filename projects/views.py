from django.views.generic import DetailView, ListView

from .models import Project


class HomeView(ListView):
    template_name = "projects/home.html"
    context_object_name = "projects"

    def get_queryset(self):
        return Project.objects.published().order_by("-created_at")[:20]


class ProjectDetailView(DetailView):
    """A project's public page. Drafts are visible to staff only, as a preview."""

    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        projects = Project.objects.for_detail()
        if self.request.user.is_staff:
            return projects
        return projects.published()
