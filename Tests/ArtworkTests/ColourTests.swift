import Testing
@testable import Artwork

@Suite struct ColourTests {
    @Test func parsesHexInEitherCase() {
        #expect(Colour(parsing: "#1A237E") == .rgb(red: 0x1A, green: 0x23, blue: 0x7E))
        #expect(Colour(parsing: "#ffffff") == .white)
    }

    @Test func parsesCMYKPercentages() {
        #expect(Colour(parsing: "cmyk(100,80,0,10)") == .cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10))
        #expect(Colour(parsing: "cmyk(0%, 12.5%, 0 %, 100)") == .cmyk(cyan: 0, magenta: 12.5, yellow: 0, black: 100))
    }

    @Test(arguments: ["", "1A237E", "#1A237", "#1A237E0", "#GGGGGG", "#+1A23E", "cmyk(1,2,3)", "cmyk(1,2,3,4,5)",
                      "cmyk(101,0,0,0)", "cmyk(-1,0,0,0)", "cmyk(a,b,c,d)", "CMYK(0,0,0,0)", "cmyk(0,0,0,0", "rgb(0,0,0)", "cmyk(,,,)"])
    func rejectsAnythingElse(text: String) {
        #expect(Colour(parsing: text) == nil)
    }

    @Test func describesInTheSyntaxItParses() {
        for colour in [Colour.rgb(red: 0x1A, green: 0x23, blue: 0x7E), .cmyk(cyan: 100, magenta: 12.5, yellow: 0, black: 3)] {
            #expect(Colour(parsing: colour.description) == colour)
        }
    }

    @Test func convertsCMYKToRGBNaively() {
        #expect(Colour.cmyk(cyan: 0, magenta: 0, yellow: 0, black: 100).hexRGB == "#000000")
        #expect(Colour.cmyk(cyan: 0, magenta: 0, yellow: 0, black: 0).hexRGB == "#FFFFFF")
        #expect(Colour.cmyk(cyan: 100, magenta: 50, yellow: 0, black: 20).hexRGB == "#0066CC")
    }

    @Test func outOfRangeInksAreInvalidButDoNotTrap() {
        let colour = Colour.cmyk(cyan: .nan, magenta: 200, yellow: -5, black: .infinity)
        #expect(!colour.isValid)
        // Clamped: NaN and -5 count as 0 %, 200 as 100 %, an infinite black as 0 %.
        #expect(colour.hexRGB == "#FF00FF")
    }
}
