#ifndef MEDTEXT_SHA256_H
#define MEDTEXT_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Compresses `blocks` 64-byte blocks at `data` into the SHA-256 state `state` (a, b, ..., h) with the x86 SHA
/// extensions. Returns 1 when done, 0 when this CPU (or architecture) has no SHA extensions: the state is then
/// untouched and the caller compresses in Swift (MedTextCore `SHA256`).
int medtext_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The 64 round constants of SHA-256 (FIPS 180-4 §4.2.2), for this compression and the portable one in Swift.
extern const uint32_t medtext_sha256_k[64];

#endif
