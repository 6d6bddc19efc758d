# Kazakh number and date formats; Django ships Kazakh translations but no formats, so without
# this file Kazakh pages would print "213,793" instead of "213 793".
DATE_FORMAT = r"j F Y \ж."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j F Y \ж. H:i"
YEAR_MONTH_FORMAT = r"F Y \ж."
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
