import Testing
@testable import QREncoder

@Suite struct ReedSolomonTests {
    @Test func fieldTablesAreInverse() {
        for value in 1...255 {
            #expect(ReedSolomon.exp[Int(ReedSolomon.log[value])] == UInt8(value))
        }
        #expect(ReedSolomon.exp[8] == 0x1D)  // α^8 = x^4 + x^3 + x^2 + 1 under 0x11D
        #expect(ReedSolomon.multiply(0x53, 0xCA) == ReedSolomon.multiply(0xCA, 0x53))
    }

    /// Multiplication agrees with carry-less multiplication reduced by 0x11D.
    @Test func multiplicationMatchesPolynomialArithmetic() {
        func slowMultiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var product = 0
            for bit in 0..<8 where (Int(b) >> bit) & 1 == 1 { product ^= Int(a) << bit }
            for bit in stride(from: 14, through: 8, by: -1) where (product >> bit) & 1 == 1 {
                product ^= 0x11D << (bit - 8)
            }
            return UInt8(product)
        }
        for a in stride(from: 0, through: 255, by: 7) {
            for b in 0...255 {
                #expect(ReedSolomon.multiply(UInt8(a), UInt8(b)) == slowMultiply(UInt8(a), UInt8(b)))
            }
        }
    }

    /// Annex A lists the generator polynomials in exponent form; degree 7 is
    /// x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21.
    @Test func generatorOfDegreeSevenMatchesAnnexA() {
        let exponents = ReedSolomon.generators[7].map { Int(ReedSolomon.log[Int($0)]) }
        #expect(exponents == [87, 229, 146, 149, 238, 102, 21])
    }

    /// Degree 10 (Annex A): α^251, α^67, α^46, α^61, α^118, α^70, α^64, α^94, α^32, α^45.
    @Test func generatorOfDegreeTenMatchesAnnexA() {
        let exponents = ReedSolomon.generators[10].map { Int(ReedSolomon.log[Int($0)]) }
        #expect(exponents == [251, 67, 46, 61, 118, 70, 64, 94, 32, 45])
    }

    /// The encoder keeps the generators in log form, which needs non-zero coefficients.
    @Test(arguments: 1...ReedSolomon.maxDegree)
    func generatorCoefficientsAreNonZero(degree: Int) {
        #expect(ReedSolomon.generators[degree].count == degree)
        #expect(!ReedSolomon.generators[degree].contains(0))
    }

    /// "HELLO WORLD" as 1-M: data and error-correction codewords of the widely used worked
    /// example (Thonky's QR tutorial), an independent vector to Annex I.
    @Test func helloWorldVersionOneMedium() throws {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let segment = try Segment.makeAlphanumeric("HELLO WORLD")
        var buffer = BitBuffer(capacityBytes: 16)
        segment.write(to: &buffer, versionClass: .small)
        #expect(buffer.finishDataCodewords(capacityBytes: 16) == data)
        #expect(ReedSolomon.remainder(of: data, degree: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    /// A codeword with its remainder appended is divisible by the generator: every root
    /// α^0 … α^(n-1) is a zero of the whole codeword polynomial.
    @Test(arguments: [7, 10, 13, 17, 22, 26, 28, 30])
    func codewordsHaveTheGeneratorRoots(degree: Int) {
        var random = TestRandom(seed: UInt64(degree))
        let data = (0..<60).map { _ in UInt8(random.below(256)) }
        let codeword = data + ReedSolomon.remainder(of: data, degree: degree)
        for root in 0..<degree {
            var value: UInt8 = 0
            for coefficient in codeword {
                value = ReedSolomon.multiply(value, ReedSolomon.exp[root]) ^ coefficient
            }
            #expect(value == 0, "α^\(root) is not a root")
        }
    }
}
