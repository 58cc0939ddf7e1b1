import Testing
@testable import Artwork

@Suite struct TerminalRendererTests {
    @Test func acmeSymbolMatchesGolden() throws {
        GoldenFile.check(try TerminalRenderer().render(SampleSymbols.acme), named: "acme.txt")
    }

    @Test func invertedAcmeSymbolMatchesGolden() throws {
        GoldenFile.check(try TerminalRenderer(inverted: true).render(SampleSymbols.acme), named: "acme-inverted.txt")
    }

    @Test func tinyGridPairsRowsIntoHalfBlocks() throws {
        // Rows with a quiet zone of 1: ".....", ".###.", ".#.#.", ".....", "....."
        let text = try TerminalRenderer(quietZone: 1).render(SampleSymbols.tiny)
        #expect(text == " ▄▄▄ \n ▀ ▀ \n     \n")
    }

    @Test func invertedDrawsTheLightModulesAndTheQuietZone() throws {
        let text = try TerminalRenderer(quietZone: 1, inverted: true).render(SampleSymbols.tiny)
        #expect(text == "█▀▀▀█\n█▄█▄█\n▀▀▀▀▀\n")
    }

    @Test func everyLineIsAsWideAsTheArtwork() throws {
        let text = try TerminalRenderer().render(SampleSymbols.acme)
        let lines = text.split(separator: "\n")
        #expect(lines.count == (29 + 8 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == 29 + 8 })
    }

    @Test func negativeQuietZoneIsRefused() throws {
        #expect(throws: ArtworkError.quietZoneOutOfRange(-1)) {
            try TerminalRenderer(quietZone: -1).render(SampleSymbols.tiny)
        }
    }
}
