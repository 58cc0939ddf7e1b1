extension UnicodeScript {
    /// The Script property of a scalar (from the generated `UnicodeScriptTable`).
    init(of scalar: Unicode.Scalar) {
        let runs = UnicodeScriptTable.runs
        let key = scalar.value << 8 | 0xFF
        // The last run starting at or before the scalar.
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle] <= key { low = middle + 1 } else { high = middle }
        }
        let index = low > 0 ? runs[low - 1] & 0xFF : 0
        self = UnicodeScript(rawValue: UInt8(index)) ?? .other
    }

    /// UTS #39's "Recommended" scripts (Table 5); `other` and Cherokee are not.
    var isRecommended: Bool {
        self != .other && self != .cherokee
    }

    /// Scripts whose letters pass for Latin ones: never allowed next to Latin in one label.
    var isLatinLookalike: Bool {
        self == .cyrillic || self == .greek || self == .cherokee
    }
}
