import Testing

/// The generated nginx configuration, loaded by the real nginx: `nginx -t` passes without a
/// warning (hash sizes included) and every shared routing vector gets the engine's status and
/// Location, byte for byte.
@Suite struct NginxServerTests {
    @Test(.serverTool("nginx")) func answersEveryVector() async throws {
        try await VectorReplay.checkAllVectors(on: .nginx)
    }
}
