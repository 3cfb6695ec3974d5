"""schools.yaml: each school's type and tier, and the address of its page (`school_slug`): not empty, not too
long, not reserved, not another school's."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import School
from ..problems import Path, Problem
from ..text import slugify
from .known import Known

MAX_SLUG = 100
"""The longest page address of a school (schools/<slug>/): longer ones break on some computers."""
RESERVED_SLUGS = {"index": "it is the address of the schools index (Find your school), which the school's page would "
                           "replace"}
RESERVED_SLUGS |= {name: f"{name.upper()} is a name Windows reserves, so the site could not be copied to a "
                         "Windows computer"
                   for name in ("con", "aux", "nul", "prn", *(f"com{n}" for n in range(1, 10)),
                                *(f"lpt{n}" for n in range(1, 10)))}
"""Page addresses a school cannot have, and why."""


def school_slug(school: School) -> str:
    """The address of a school's page: its `slug`, or one made from its name."""
    return school.slug or slugify(school.name)


def school_problems(known: Known) -> Iterator[Problem]:
    """Every problem of schools.yaml."""
    file = known.schools_file
    seen: dict[str, Path] = {}
    for i, school in enumerate(known.schools.schools):
        path = ("schools", i)
        school_type = known.school_types.get(school.school_type)
        if school_type is None:
            yield known.unknown_school_type(path + ("school_type",), school.school_type, file)
        else:
            yield from known.tier_ref(path + ("tier",), school_type.phase, school.tier, file)
        slug = school_slug(school)
        where = path + ("slug",) if school.slug else path + ("name",)
        if not slug:
            yield known.problem(where, "the name has no letters or digits to make a page address from; "
                                       "add a slug (lower-case letters, digits and hyphens)", file)
        elif len(slug) > MAX_SLUG:
            shorter = "-".join(slug[:MAX_SLUG].split("-")[:5])
            what = "the slug" if school.slug else "the page address made from the name"
            yield known.problem(where, (
                f"{what} is {len(slug)} characters long (at most {MAX_SLUG}); "
                f"{'shorten the slug' if school.slug else 'add a shorter slug'}, e.g. slug: {shorter}"), file)
        elif slug in RESERVED_SLUGS:
            fix = "give a different slug" if school.slug else "add a slug"
            yield known.problem(where, (
                f"page address schools/{slug}/ cannot be used: {RESERVED_SLUGS[slug]}; {fix}, e.g. "
                f"slug: {slug}-school"), file)
        elif slug in seen:
            yield known.problem(where, f"page address schools/{slug}/ is already used by the school at line "
                                       f"{file.line_of(seen[slug])}; give one of them a different slug", file)
        else:
            seen[slug] = path
