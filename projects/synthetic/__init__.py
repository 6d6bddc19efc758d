"""Synthetic published projects for load tests (`manage.py generate_projects`).

What is made: N published projects, `donors` donor organisations and `organizations`
implementing organisations (NGOs, media, research centres, companies, akimats), a set of
keywords, and per project 1-2 donors and 1-4 other participations, 1-3 funding lines, 1-16
places of the loaded gazetteer, 0-2 contacts, 0-4 keywords and one source document (a press
release in the project's original language: ru 60%, en 25%, kk 15%). Texts are 1,000-3,000
characters per language across title, summary, description, objectives and results (the real
seed records have 1,700-3,200), composed from the aligned phrases of phrases.py, so the three
languages say the same thing.

Nothing can be taken for a real record: every Project, Organization and Keyword made here has
`is_synthetic=True` and a slug starting with "synthetic-"; every title and organisation name
starts with "[Синтетические данные] " / "[Синтетикалық деректер] " / "[Synthetic data] "; the
source documents say so in their first line and name the generator as their publisher; the
public project and organisation pages show a notice. synthetic_data_delete() removes all of
it and nothing else.

Deterministic: every value comes from a random.Random seeded with the seed and the row's own
index (f"{seed}:project:{index}"), never from set or dict order or the clock, so the same seed
and N give the same slugs, titles, texts, amounts and links, and a second run finds every slug
and creates nothing. A larger N with the same seed adds the missing indices.

Skew, as in real data (measured at N=100,000 with the defaults, seed 1):
- donors: each funds about 12% fewer projects than the one ranked above it (a geometric
  rank-frequency law: the largest funds 15,550 projects, the smallest 412; a pure Zipf law
  cannot give both figures with only 30 donors);
- implementers: the lead implementer follows Zipf's law over the organisations' ranks
  (exponent 0.95), the other roles a flatter one: the most used organisation takes part in
  10,061 projects (8,946 as lead), the least used in 3; every organisation in at least one.

Words for search benchmarks: share of generated projects whose search document has the word,
as projects.search.matching_documents finds it (measured at N=100,000, seed 1):
- common: "rights" 47.8%, "құқық" 48.4%, "права" 32.7% ("прав", which also finds "правовой",
  49.6%) — every project of the rights themes of phrases.THEMES, and an optional sentence of
  two others; "молодеж" / "жастар" 49% ("youth" only 10%: English says "young people");
- rare: "сайгак" / "киік" / "saiga" 0.50% (one sentence, in a tenth of the steppe projects);
  "петроглиф" / "petroglyphs" 0.20%.
Every synthetic title has "синтетические" / "данные", "синтетикалық" / "деректер",
"synthetic" / "data": do not use those words to measure.

Modules: phrases (the aligned ru / kk / en phrase banks), texts (composing a project's texts),
records (drawing organisations, keywords and projects, without the database), writing (the
services that insert and delete).
"""

from .records import default_organization_count, project_record, project_slug
from .writing import (
    GenerationReport,
    SyntheticDataError,
    synthetic_data_delete,
    synthetic_projects_generate,
)

# The words benchmarks search for (see "Words for search benchmarks" above).
COMMON_WORD = "права"
RARE_WORD = "сайгак"

__all__ = [
    "COMMON_WORD",
    "RARE_WORD",
    "GenerationReport",
    "SyntheticDataError",
    "default_organization_count",
    "project_record",
    "project_slug",
    "synthetic_data_delete",
    "synthetic_projects_generate",
]
