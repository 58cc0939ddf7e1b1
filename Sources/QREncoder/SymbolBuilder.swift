/// Turns data codewords into a finished symbol: error correction and interleaving (7.5–7.6),
/// codeword placement (7.7), masking with automatic or forced mask selection (7.8) and the
/// format information (7.9).
enum SymbolBuilder {
    static func build(
        version: Int,
        ecl: ErrorCorrection,
        dataCodewords: [UInt8],
        forcedMask: Int?
    ) -> QRCode {
        let layout = VersionLayout.of(version)
        let codewords = interleavedCodewords(dataCodewords, version: version, ecl: ecl)
        let selection = MaskSelection(layout: layout, boards: SymbolBoards(layout: layout, codewords: codewords), ecl: ecl)
        let mask = forcedMask ?? selection.bestMask()
        return QRCode(version: version, errorCorrection: ecl, mask: mask) { modules in
            selection.render(mask: mask, into: modules)
        }
    }

    /// Splits the data into blocks, appends each block's Reed–Solomon codewords and
    /// interleaves: data codeword i of every block, then error-correction codeword i of every
    /// block. The blocks of the second group are one data codeword longer.
    static func interleavedCodewords(_ data: [UInt8], version: Int, ecl: ErrorCorrection) -> [UInt8] {
        let blockCount = Int(VersionTable.errorCorrectionBlocks[ecl.ordinal][version])
        let eccLength = Int(VersionTable.eccCodewordsPerBlock[ecl.ordinal][version])
        let total = VersionTable.totalCodewords(version)
        let shortBlocks = blockCount - total % blockCount
        let shortDataLength = total / blockCount - eccLength

        var ecc = [UInt8](repeating: 0, count: blockCount * eccLength)
        var result = [UInt8](repeating: 0, count: total)
        data.withUnsafeBufferPointer { data in
            ecc.withUnsafeMutableBufferPointer { ecc in
                var start = 0
                for block in 0..<blockCount {
                    let length = shortDataLength + (block < shortBlocks ? 0 : 1)
                    let blockData = UnsafeBufferPointer(rebasing: data[start..<start + length])
                    let output = UnsafeMutableBufferPointer(
                        rebasing: ecc[block * eccLength..<(block + 1) * eccLength])
                    ReedSolomon.remainder(of: blockData, degree: eccLength, into: output)
                    start += length
                }
            }
            var next = 0
            for index in 0...shortDataLength {
                var start = 0
                for block in 0..<blockCount {
                    let length = shortDataLength + (block < shortBlocks ? 0 : 1)
                    if index < length {
                        result[next] = data[start + index]
                        next += 1
                    }
                    start += length
                }
            }
            for index in 0..<eccLength {
                for block in 0..<blockCount {
                    result[next] = ecc[block * eccLength + index]
                    next += 1
                }
            }
        }
        return result
    }
}
