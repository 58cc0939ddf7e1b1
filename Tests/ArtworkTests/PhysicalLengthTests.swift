import Testing
@testable import Artwork

@Suite struct PhysicalLengthTests {
    @Test(arguments: [
        ("25mm", 25.0), ("2.5cm", 25), ("1in", 25.4), ("72pt", 25.4), ("96px", 25.4),
        ("0.33mm", 0.33), (".5in", 12.7), ("12.mm", 12), ("25 mm", 25), ("0mm", 0),
    ])
    func parsesNumberAndUnit(text: String, millimetres: Double) throws {
        let length = try #require(PhysicalLength(parsing: text))
        #expect(abs(length.millimetres - millimetres) < 1e-9)
    }

    @Test(arguments: [
        "", "25", "mm", "-25mm", "+25mm", "2.5.1cm", "1e3mm", "25MM", "25 cm ", " 25mm", "25  mm",
        "25km", "25m", "nanmm", "infmm", "1_000mm", "٢٥mm", "0x10mm", ".mm", "25mm ",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(PhysicalLength(parsing: text) == nil)
    }

    @Test func convertsToPointsAndInches() {
        #expect(abs(PhysicalLength.inches(1).points - 72) < 1e-9)
        #expect(abs(PhysicalLength.millimetres(25.4).inches - 1) < 1e-12)
        #expect(abs(PhysicalLength.points(72).millimetres - 25.4) < 1e-12)
        #expect(abs(PhysicalLength.centimetres(2.5).millimetres - 25) < 1e-12)
    }

    @Test func describesItselfInMillimetres() {
        #expect(PhysicalLength.millimetres(25).description == "25mm")
        #expect(PhysicalLength.inches(1).description == "25.4mm")
        #expect(PhysicalLength.points(1).description == "0.3528mm")
        #expect(PhysicalLength(parsing: PhysicalLength.millimetres(33.25).description) == .millimetres(33.25))
    }
}
