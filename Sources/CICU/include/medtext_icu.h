// A tiny C surface over ICU normalization. Swift imports only this header, never ICU's,
// because ICU's headers clash with Foundation's private copy of ICU (see DESIGN.md).
#ifndef MEDTEXT_ICU_H
#define MEDTEXT_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Folds UTF-16 text for matching: NFKC case folding (ICU's NFKC_Casefold: compatibility
/// forms, ligatures, full-width letters, case), then removal of combining marks
/// (diacritics) after canonical decomposition, then NFC.
///
/// Writes at most `dst_capacity` units to `dst` and returns the length the result needs.
/// Returns -1 on an ICU error other than buffer overflow. When the return value exceeds
/// `dst_capacity`, call again with a larger buffer.
int32_t medtext_icu_fold(const uint16_t *src, int32_t src_length, uint16_t *dst, int32_t dst_capacity);

/// NFKC case folding only (no diacritic removal). Same contract as `medtext_icu_fold`.
int32_t medtext_icu_nfkc_casefold(const uint16_t *src, int32_t src_length, uint16_t *dst, int32_t dst_capacity);

/// The ICU version string, e.g. "72.1", written to `dst` (NUL-terminated, at most `capacity` bytes).
void medtext_icu_version(char *dst, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
