import Testing

/// The generated HAProxy configuration, loaded by the real HAProxy: `haproxy -c` passes without
/// a warning and every shared routing vector gets the engine's status and Location, byte for
/// byte, except splits (any arm of the split counts: HAProxy hashes with xxh32, documented)
/// and the scans HAProxy refuses itself (documented divergences, checked exactly).
@Suite struct HAProxyServerTests {
    @Test(.serverTool("haproxy")) func answersEveryVector() async throws {
        try await VectorReplay.checkAllVectors(on: .haproxy)
    }
}
