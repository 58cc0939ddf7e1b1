/// Characters outside ASCII that some HTTP clients, log pipelines and script engines treat as a
/// line break or a control: C1 controls (U+0080–U+009F, NEL among them) and the line and
/// paragraph separators (U+2028, U+2029). Emitters refuse them in anything they write.
enum UnicodeLineBreak {
    static func first(in text: String) -> String? {
        for scalar in text.unicodeScalars where (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " (a C1 control or Unicode line separator)"
        }
        return nil
    }
}
