#include "medtext_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utf16.h>

static int32_t normalize_with(const UNormalizer2 *norm, const UChar *src, int32_t len, UChar *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(norm, src, len, dst, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status)) {
        return n;
    }
    return -1;
}

int32_t medtext_icu_nfkc_casefold(const uint16_t *src, int32_t src_length, uint16_t *dst, int32_t dst_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return -1;
    return normalize_with(cf, (const UChar *)src, src_length, (UChar *)dst, dst_capacity);
}

int32_t medtext_icu_fold(const uint16_t *src, int32_t src_length, uint16_t *dst, int32_t dst_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *cf = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;

    // 1. NFKC_Casefold into a scratch buffer sized generously, growing once if needed.
    int32_t cap1 = src_length * 4 + 16;
    UChar *buf1 = (UChar *)malloc(sizeof(UChar) * (size_t)cap1);
    if (!buf1) return -1;
    int32_t n1 = normalize_with(cf, (const UChar *)src, src_length, buf1, cap1);
    if (n1 > cap1) {
        free(buf1);
        cap1 = n1;
        buf1 = (UChar *)malloc(sizeof(UChar) * (size_t)cap1);
        if (!buf1) return -1;
        n1 = normalize_with(cf, (const UChar *)src, src_length, buf1, cap1);
    }
    if (n1 < 0) { free(buf1); return -1; }

    // 2. NFD, so that diacritics become separate combining marks.
    int32_t cap2 = n1 * 4 + 16;
    UChar *buf2 = (UChar *)malloc(sizeof(UChar) * (size_t)cap2);
    if (!buf2) { free(buf1); return -1; }
    int32_t n2 = normalize_with(nfd, buf1, n1, buf2, cap2);
    free(buf1);
    if (n2 < 0 || n2 > cap2) { free(buf2); return -1; }

    // 3. Drop non-spacing marks (general category Mn).
    int32_t w = 0;
    for (int32_t i = 0; i < n2;) {
        UChar32 c;
        int32_t start = i;
        U16_NEXT(buf2, i, n2, c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        for (int32_t k = start; k < i; k++) buf2[w++] = buf2[k];
    }

    // 4. Recompose.
    int32_t n3 = normalize_with(nfc, buf2, w, (UChar *)dst, dst_capacity);
    free(buf2);
    return n3;
}

void medtext_icu_version(char *dst, int32_t capacity) {
    UVersionInfo v;
    u_getVersion(v);
    char tmp[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(v, tmp);
    if (capacity > 0) {
        strncpy(dst, tmp, (size_t)capacity - 1);
        dst[capacity - 1] = 0;
    }
}
