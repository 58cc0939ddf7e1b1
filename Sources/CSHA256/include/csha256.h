#ifndef QROPS_CSHA256_H
#define QROPS_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (x86 SHA-NI with SSSE3 and SSE4.1), else 0.
int qrops_sha256_hardware(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating
/// `state` (the eight working words, H0 first). Only call when `qrops_sha256_hardware()` is 1.
void qrops_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
