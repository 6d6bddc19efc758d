"""The admin's pages without their template indentation.

Django's admin templates indent every line of every inline row; on a project with dozens of
evidence rows that indentation was a third of the page. A run of white space that holds a line
break is shown as one space in HTML (white-space: normal), so it is cut to the line break alone;
inside <pre>, <textarea>, <script> and <style> white space is the content and stays as it is.
"""

import re

_WHITESPACE_OR_VERBATIM = re.compile(
    r"(?P<verbatim><(?P<tag>pre|textarea|script|style)\b.*?</(?P=tag)\s*>)|[ \t\r]*\n\s*",
    re.DOTALL | re.IGNORECASE,
)


def without_indentation(html: str) -> str:
    """`html` with every white-space run that holds a line break cut to the line break."""
    return _WHITESPACE_OR_VERBATIM.sub(lambda m: m.group("verbatim") or "\n", html)


class CompactAdminHtmlMiddleware:
    """Admin HTML pages leave without their template indentation (without_indentation)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and match.namespace == "admin"
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset
            response.content = without_indentation(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
