"""Every public address carries its language: /ru/, /kk/, /en/. A bare path such as `/`
redirects to the visitor's language (LocaleMiddleware reads Accept-Language)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("projects.urls")),
)
