"""Check digits of US and Australian identifiers used in the PHI gold corpus (standard library only).

Each ``valid_*`` function takes the identifier as written (spaces, dashes and slashes allowed)
and says whether its structure and check digit are valid. ``make_*`` functions build a valid
identifier from a stem, for the corpus generator. Algorithms:

- Australian Medicare card: 10 digits, first 2-6; digit 9 = (d1*1+d2*3+d3*7+d4*9+d5*1+d6*3+d7*7+d8*9) mod 10;
  digit 10 is the issue number (written as 4-5-1; an optional /IRN may follow).
- IHI / HPI-I / HPI-O: 16 digits, prefixes 800360 / 800361 / 800362, Luhn check digit.
- TFN: 9 digits, weights 1,4,3,7,5,8,6,9,10, sum mod 11 == 0.
- ABN: 11 digits, subtract 1 from the first digit, weights 10,1,3,5,7,9,11,13,15,17,19, sum mod 89 == 0.
- Medicare provider number (AU): 6-digit stem, practice location character, check character:
  (sum of stem digits * 3,5,8,4,2,1 + location index * 6) mod 11 indexes "YXWTLKJHFBA".
- NPI (US): 10 digits, Luhn over "80840" + the 10 digits.
- DEA (US): 2 letters + 7 digits, (d1+d3+d5) + 2*(d2+d4+d6) mod 10 == d7.
- MBI (US): 11 characters, positions C A AN N A AN N A A N N; letters exclude S L O I B Z; no check digit.
"""

from __future__ import annotations

import re

_NONDIGIT = re.compile(r"[\s\-/]")


def digits(s: str) -> str:
    return _NONDIGIT.sub("", s)


def luhn_ok(num: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(stem: str) -> str:
    for c in "0123456789":
        if luhn_ok(stem + c):
            return c
    raise AssertionError


MEDICARE_W = (1, 3, 7, 9, 1, 3, 7, 9)


def medicare_check(stem8: str) -> str:
    return str(sum(int(d) * w for d, w in zip(stem8, MEDICARE_W)) % 10)


def valid_medicare(s: str) -> bool:
    d = digits(s)
    if len(d) == 11:  # card number + IRN written after a slash
        d = d[:10]
    return bool(re.fullmatch(r"[2-6]\d{9}", d)) and medicare_check(d[:8]) == d[8] and d[9] != "0"


def make_medicare(stem8: str, issue: int = 1) -> str:
    d = stem8 + medicare_check(stem8) + str(issue)
    return f"{d[:4]} {d[4:9]} {d[9]}"


def _valid_hi(s: str, prefix: str) -> bool:
    d = digits(s)
    return len(d) == 16 and d.isdigit() and d.startswith(prefix) and luhn_ok(d)


def valid_ihi(s: str) -> bool:
    return _valid_hi(s, "800360")


def valid_hpii(s: str) -> bool:
    return _valid_hi(s, "800361")


def valid_hpio(s: str) -> bool:
    return _valid_hi(s, "800362")


def make_hi(prefix: str, body9: str) -> str:
    d = prefix + body9
    d += luhn_digit(d)
    return " ".join(d[i:i + 4] for i in range(0, 16, 4))


TFN_W = (1, 4, 3, 7, 5, 8, 6, 9, 10)


def valid_tfn(s: str) -> bool:
    d = digits(s)
    return len(d) == 9 and d.isdigit() and sum(int(x) * w for x, w in zip(d, TFN_W)) % 11 == 0


def make_tfn(stem8: str) -> str | None:
    for c in "0123456789":
        d = stem8 + c
        if valid_tfn(d):
            return f"{d[:3]} {d[3:6]} {d[6:]}"
    return None


ABN_W = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)


def valid_abn(s: str) -> bool:
    d = digits(s)
    if len(d) != 11 or not d.isdigit() or d[0] == "0":
        return False
    n = [int(x) for x in d]
    n[0] -= 1
    return sum(x * w for x, w in zip(n, ABN_W)) % 89 == 0


def make_abn(stem9: str) -> str | None:
    """ABN whose last 9 digits are stem9 (first two digits chosen to make the checksum valid)."""
    for p in range(10, 100):
        d = f"{p}{stem9}"
        if valid_abn(d):
            return f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}"
    return None


PROVIDER_W = (3, 5, 8, 4, 2, 1)
PLV = "0123456789ABCDEFGHJKLMNPQRTUVWXY"
PROVIDER_CHECK = "YXWTLKJHFBA"


def valid_provider(s: str) -> bool:
    d = digits(s).upper()
    if not re.fullmatch(r"\d{6}[0-9A-HJ-NP-RT-Y][A-Z]", d):
        return False
    total = sum(int(x) * w for x, w in zip(d[:6], PROVIDER_W)) + PLV.index(d[6]) * 6
    return PROVIDER_CHECK[total % 11] == d[7]


def make_provider(stem6: str, loc: str) -> str:
    total = sum(int(x) * w for x, w in zip(stem6, PROVIDER_W)) + PLV.index(loc) * 6
    return stem6 + loc + PROVIDER_CHECK[total % 11]


def valid_npi(s: str) -> bool:
    d = digits(s)
    return len(d) == 10 and d.isdigit() and d[0] in "12" and luhn_ok("80840" + d)


def make_npi(stem9: str) -> str:
    return stem9 + luhn_digit("80840" + stem9)


def valid_dea(s: str) -> bool:
    d = digits(s).upper()
    if not re.fullmatch(r"[ABCDFGHJKLMPRSTUX][A-Z9]\d{7}", d):
        return False
    n = [int(x) for x in d[2:]]
    return (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10 == n[6]


def make_dea(letters: str, stem6: str) -> str:
    n = [int(x) for x in stem6]
    return letters + stem6 + str((n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
MBI_RE = re.compile(r"[1-9][{a}][{a}0-9]\d[{a}][{a}0-9]\d[{a}][{a}]\d\d".format(a=MBI_ALPHA))


def valid_mbi(s: str) -> bool:
    return bool(MBI_RE.fullmatch(digits(s).upper()))


def valid_ssn(s: str) -> bool:
    """Structure only (no check digit): area not 000, 666 or 900-999; group not 00; serial not 0000."""
    d = digits(s)
    if len(d) != 9 or not d.isdigit():
        return False
    return d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


VALIDATORS = {
    "medicare": valid_medicare, "ihi": valid_ihi, "hpii": valid_hpii, "hpio": valid_hpio,
    "tfn": valid_tfn, "abn": valid_abn, "provider": valid_provider, "npi": valid_npi,
    "dea": valid_dea, "mbi": valid_mbi, "ssn": valid_ssn,
}
