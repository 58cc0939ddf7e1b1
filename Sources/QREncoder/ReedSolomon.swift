/// Reed–Solomon error correction over GF(2^8) with the QR field polynomial
/// x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and generator roots 2^0 … 2^(n-1) (ISO/IEC 18004, 7.5.2).
enum ReedSolomon {
    /// `exp[i] = 2^i`, doubled in length so `exp[log a + log b]` needs no modulo.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            table[index + 255] = UInt8(value)
            value <<= 1
            if value >= 0x100 { value ^= 0x11D }
        }
        return table
    }()

    /// `log[a]` for a ≠ 0 (`log[0]` is unused).
    static let log: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for index in 0..<255 { table[Int(exp[index])] = UInt8(index) }
        return table
    }()

    /// Product of two field elements.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[Int(log[Int(a)]) + Int(log[Int(b)])]
    }

    /// The largest number of error-correction codewords per block any version uses.
    static let maxDegree = 30

    /// Generator polynomials by degree: `generators[n]` holds the n coefficients of
    /// (x - 2^0)(x - 2^1)…(x - 2^(n-1)) below the leading 1, highest power first.
    static let generators: [[UInt8]] = (0...maxDegree).map(generator(degree:))

    static func generator(degree: Int) -> [UInt8] {
        guard degree > 0 else { return [] }
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 2)
        }
        return coefficients
    }

    /// The generators in log form (every coefficient of these generators is non-zero),
    /// so one step of the division is an add and a table lookup.
    static let generatorLogs: [[Int]] = generators.map { $0.map { Int(log[Int($0)]) } }

    /// Writes the `degree` error-correction codewords of `data` to `output`
    /// (the remainder of data·x^degree divided by the generator).
    static func remainder(
        of data: UnsafeBufferPointer<UInt8>,
        degree: Int,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) {
        for index in 0..<degree { output[index] = 0 }
        exp.withUnsafeBufferPointer { exp in
            log.withUnsafeBufferPointer { log in
                generatorLogs[degree].withUnsafeBufferPointer { generator in
                    // Shift the remainder one codeword and add factor × generator in one pass.
                    let last = degree - 1
                    for byte in data {
                        let factor = byte ^ output[0]
                        if factor == 0 {
                            for index in 0..<last { output[index] = output[index + 1] }
                            output[last] = 0
                            continue
                        }
                        let factorLog = Int(log[Int(factor)])
                        for index in 0..<last {
                            output[index] = output[index + 1] ^ exp[generator[index] + factorLog]
                        }
                        output[last] = exp[generator[last] + factorLog]
                    }
                }
            }
        }
    }

    /// Convenience for tests: the error-correction codewords of `data`.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: degree)
        data.withUnsafeBufferPointer { data in
            output.withUnsafeMutableBufferPointer { output in
                remainder(of: data, degree: degree, into: output)
            }
        }
        return output
    }
}
