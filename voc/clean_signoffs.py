"""Sign-offs and signature lines that close an e-mail, in English and other languages: the
patterns :func:`voc.clean.strip_signature` cuts at ("Thanks,", "Mit freundlichen Grüßen",
"Cordialement, Jean Dupont" closing a line, "Sent from my iPhone", "Enviado desde mi iPhone",
legal disclaimers).
"""

from __future__ import annotations

import re

_SIGNOFF_WORDS = (
    r"thanks(?: (?:again|so much|in advance|a lot))?|thank you(?: (?:again|so much))?|many thanks"
    r"|thx|ty|best(?: regards| wishes)?|kind regards|warm regards|warmest regards|regards"
    r"|cheers|sincerely|yours(?: truly| sincerely)?|all the best|talk soon|cordially|br"
    r"|respectfully|take care|warmly|love|with thanks|with gratitude|speak soon|kind wishes"
    # other languages
    r"|merci|(?:bien )?cordialement|bien à vous|amitiés|(?:viele|liebe|beste|freundliche) grüße"
    r"|mit freundlichen grüßen|(?:viele|liebe) grüsse|gruß|grüße|lg|vg|mfg|un saludo|saludos"
    r"(?: cordiales)?|atentamente|cordiali saluti|saluti|cumprimentos|abraços|groetjes"
    r"|met vriendelijke groet|vänliga hälsningar|hälsningar|med venlig hilsen"
    # more of the same (QA round): plurals, regional forms, "thanks" in other languages
    r"|(?:met )?vriendelijke groeten|(?:met )?hartelijke groet(?:en)?|mvg|groeten"
    r"|(?:herzliche|schöne|freundliche|viele|liebe|beste) grü(?:ß|ss)e aus [\w.-]+"
    r"|herzliche grü(?:ß|ss)e|grü(?:ß|ss)e aus [\w.-]+|vielen dank|danke(?: schön)?"
    r"|un cordial saludo|cordiales saludos|muchas gracias|gracias|atte\.?"
    r"|(?:sincères|meilleures|bien sincères) salutations|salutations(?: distinguées)?"
    r"|merci(?: beaucoup| d'avance)?|bonne journée|distinti saluti|un saluto|grazie(?: mille)?"
    r"|atenciosamente|obrigad[oa]|saudações|med vänlig hälsning|mvh"
)
# Sign-offs that close a message even on the line of its last sentence ("... twice.
# Mit freundlichen Grüßen, Hans Müller"); "Thanks" there is often the customer's own words.
_STRONG_SIGNOFF = (
    r"kind regards|best regards|warm regards|regards|sincerely|yours (?:truly|sincerely)"
    r"|mit freundlichen grü(?:ß|ss)en|freundliche grü(?:ß|ss)e|viele grü(?:ß|ss)e"
    r"|(?:bien )?cordialement|bien à vous|(?:sincères|meilleures) salutations"
    r"|saludos cordiales|un cordial saludo|cordiales saludos|atentamente|cordiali saluti"
    r"|distinti saluti|met vriendelijke groet(?:en)?|atenciosamente|med vänlig hälsning"
)
_INLINE_SIGNOFF = re.compile(
    rf"(?<=[.!?])\s+(?i:{_STRONG_SIGNOFF})\s*[,.!]?\s*[-–—]?\s*"
    r"(?P<name>[A-ZÀ-Þ][\w'’.-]*"
    r"(?: (?:[A-ZÀ-Þ][\w'’.-]*|de|van|der|von|da|di|del|la|le)){0,3})?"
    r"\s*[.!]?\s*$"
)
_SIGNOFF = re.compile(rf"^(?:{_SIGNOFF_WORDS})\s*[,.!]?\s*$", re.IGNORECASE)
_SIGNOFF_WITH_NAME = re.compile(
    rf"^(?:{_SIGNOFF_WORDS})\s*[,.!]?\s*[-–—]?\s*"
    r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})\s*$",
    re.IGNORECASE,
)
_HARD_SIGNATURE = re.compile(
    r"^(?:--\s*"
    r"|sent from my \w+.*"
    r"|sent from (?:mail|outlook|yahoo mail|gmail) for .*"
    r"|sent (?:from|via) (?:my )?(?:mobile|phone|iphone|ipad|android|samsung|galaxy|blackberry).*"
    r"|get outlook for .*"
    # the same in other languages
    r"|enviado (?:desde|do|de) (?:mi|meu|o meu) .*|envoy[ée] (?:de|depuis) mon .*"
    r"|von meinem .* gesendet|gesendet (?:von|mit) .*|inviato da(?:l)? (?:mio )?\w.*"
    r"|verzonden (?:vanaf|met|van) .*|skickat från .*|sendt fra .*|obtenir outlook pour .*"
    r"|outlook für .* (?:beziehen|herunterladen)|obtener outlook para .*|scarica outlook per .*"
    r"|(?:this|the) (?:e-?mail|message|communication)(?: message)?(?: \(?(?:and|including) any"
    r" attachments?\)?)? (?:and any attachments? )?(?:is|are|may be|contains?) .*confidential.*"
    r"|(?:this|the) (?:e-?mail|message) and any (?:files|attachments).*"
    r"|the information (?:contained )?in this (?:e-?mail|message).*"
    r"|confidentiality notice\b.*"
    r"|disclaimer:.*"
    r")$",
    re.IGNORECASE,
)
