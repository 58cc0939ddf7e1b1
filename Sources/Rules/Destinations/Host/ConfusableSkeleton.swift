/// UTS #39 confusable skeletons for host names: two hosts that look alike on a phone screen
/// have equal skeletons (`www.аcme.example` with a Cyrillic `а`, `www.acrne.example`,
/// `www.acme.exarnple`, `g00gle.example`). Hosts are lower-cased first; combining diacritics
/// are dropped (`acmé` reads as `acme`). Data: `ConfusableSkeletonTable` (generated).
enum ConfusableSkeleton {
    /// The skeleton of a host (or any label sequence); dots stay dots.
    static func of(_ host: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(host.utf8.count + 8)
        if host.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in host.utf8 { output.append(contentsOf: ascii[Int(lowercased(byte))]) }
            return String(decoding: output, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in host.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark, UnicodeScript(of: scalar) == .inherited { continue }
            if let skeleton = table.skeleton(of: scalar) {
                scalars.append(contentsOf: skeleton)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The skeleton of each ASCII byte, as UTF-8 (mostly the byte itself).
    private static let ascii: [[UInt8]] = (0..<128).map { byte -> [UInt8] in
        let scalar = Unicode.Scalar(UInt8(byte))
        guard let skeleton = table.skeleton(of: scalar) else { return [UInt8(byte)] }
        return Array(String(String.UnicodeScalarView(skeleton)).utf8)
    }

    private static let table = Table()

    /// The generated table, unpacked once.
    private struct Table: Sendable {
        let keys: [UInt32]
        let ranges: [Range<Int>]
        let pool: [Unicode.Scalar]

        init() {
            let entries = ConfusableSkeletonTable.entries
            keys = entries.map { UInt32(truncatingIfNeeded: $0 >> 24) }
            ranges = entries.map { entry in
                let offset = Int(truncatingIfNeeded: (entry >> 4) & 0xFFFFF)
                return offset ..< offset + Int(truncatingIfNeeded: entry & 0xF)
            }
            pool = Array(ConfusableSkeletonTable.pool.unicodeScalars)
        }

        func skeleton(of scalar: Unicode.Scalar) -> ArraySlice<Unicode.Scalar>? {
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < scalar.value { low = middle + 1 } else { high = middle }
            }
            guard low < keys.count, keys[low] == scalar.value, ranges[low].upperBound <= pool.count else { return nil }
            return pool[ranges[low]]
        }
    }
}
