"""Addresses of the open-data files. Not language-prefixed: the files carry every language."""

from django.urls import path

from . import giving360, iati

app_name = "opendata"

urlpatterns = [
    path("iati.xml", iati.iati_xml_view, name="iati"),
    path("360giving.json", giving360.giving360_view, name="360giving"),
]
