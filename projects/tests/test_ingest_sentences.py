"""Sentences of hard-wrapped releases (projects/ingest/sentences.py)."""

from projects.ingest.sentences import sentence_span, wrapped_lines_joined


def test_sentences_end_at_full_stops_and_lines_but_not_initials_or_wraps():
    text = "Фонд U.S. Embassy дал грант. Вклад Европейского\nсоюза 5 евро.\nДалее"
    start, end = sentence_span(text, text.index("5 евро"), text.index("5 евро") + 6)
    assert text[start:end] == "Вклад Европейского\nсоюза 5 евро."
    start, end = sentence_span(text, 5, 9)
    assert text[start:end] == "Фонд U.S. Embassy дал грант."


WRAPPED = (
    "Grants for rural libraries\n"
    "\n"
    "The Embassy has signed a grant agreement under its small grants programme with the Public\n"
    'Foundation "Nur Zhol" from Pavlodar. The grantees are:\n'
    '- Public Association "Kitap" from Ekibastuz, which will open a reading room for children\n'
    "- the akimat of Aksu\n"
    "Contacts:\n"
    "Aliya Serikova, +7 7182 11 22 33\n"
)


def test_a_wrapped_line_is_joined_and_nothing_moves():
    joined = wrapped_lines_joined(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert 'with the Public Foundation "Nur Zhol" from Pavlodar.' in joined
    assert all(joined[i] == WRAPPED[i] for i in range(len(WRAPPED)) if WRAPPED[i] != "\n")


def test_headings_paragraphs_list_items_and_labels_keep_their_lines():
    lines = wrapped_lines_joined(WRAPPED).split("\n")
    assert lines[0] == "Grants for rural libraries"  # a short line: a heading
    assert lines[1] == ""  # a paragraph break
    assert lines[3].startswith('- Public Association "Kitap"')  # list items
    assert lines[4] == "- the akimat of Aksu"
    assert lines[5:7] == ["Contacts:", "Aliya Serikova, +7 7182 11 22 33"]


def test_a_fact_sheets_labels_and_a_headline_over_a_long_paragraph_keep_their_lines():
    fact_sheet = (
        "«АРГО» Азаматтық қоғамды дамыту ассоциациясы, Жергілікті өзін-өзі басқаруды дамыту "
        "орталығы\nҰзақтығы\nАқпан 2017 – Қаңтар 2020\n"
    )
    assert wrapped_lines_joined(fact_sheet) == fact_sheet
    headline = "Embassy grants for village libraries in three regions of Kazakhstan\n"
    paragraph = "The Embassy has signed grant agreements with three public foundations " * 3
    assert wrapped_lines_joined(headline + paragraph) == headline + paragraph
