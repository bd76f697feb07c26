"""Country names for ISO 3166 alpha-3 codes in Dutch or English (pycountry and its
translations), for what people read: the case view and the printed case summary. The codes
stay in the data, the lists and search; "XXA" is UNHCR's code for stateless."""

from __future__ import annotations

import gettext
from functools import cache

from app.i18n import current_language, register_messages, tr

STATELESS = "XXA"

register_messages({"country.stateless": {"en": "stateless", "nl": "staatloos"}})


@cache
def _translation(lang: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                               fallback=True)


def country_name(code: str, lang: str | None = None) -> str:
    """'Syrië' / 'Syria' for SYR, 'staatloos' for XXA; an unknown code as it is."""
    lang = lang or current_language()
    if code == STATELESS:
        return tr("country.stateless", lang)
    import pycountry  # 0.1 s to import: paid when a country is first named, not at start

    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return code
    if lang == "en":
        return getattr(country, "common_name", None) or country.name
    return _translation(lang).gettext(country.name)


def country_label(code: str, lang: str | None = None) -> str:
    """The name with the code people also use: 'Syrië (SYR)'; just the code if unknown."""
    name = country_name(code, lang)
    return f"{name} ({code})" if name != code else code
