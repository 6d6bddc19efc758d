"""Admin forms submitted as a browser submits them, for tests without a browser."""

import lxml.html


def browser_form_data(html: bytes | str, form_id: str = "project_form") -> dict:
    """The fields of the admin form as a browser submits them (HTML's form encoding)."""
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    form = lxml.html.fromstring(text).xpath(f"//form[@id='{form_id}']")[0]
    data: dict[str, list[str]] = {}
    for element in form.xpath(".//input|.//textarea|.//select"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "textarea":
            # Browsers drop one newline after <textarea> and send line breaks as CR LF.
            value = (element.text or "").removeprefix("\n").replace("\r\n", "\n")
            data.setdefault(name, []).append(value.replace("\n", "\r\n"))
        elif element.tag == "select":
            chosen = element.xpath(".//option[@selected]/@value")
            data.setdefault(name, []).extend(chosen)
        elif element.get("type") in ("checkbox", "radio"):
            if element.get("checked") is not None:
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file"):
            data.setdefault(name, []).append(element.get("value", ""))
    return data
