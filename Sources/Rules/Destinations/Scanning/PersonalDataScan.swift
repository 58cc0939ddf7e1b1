/// Finds personal data and secrets in a destination: e-mail addresses (also `%40`), phone
/// numbers, credentials and token-like values in the query or fragment. Heuristics tuned
/// against false positives: UTM values, slugs, dates and product ids (`id0000000001`) pass.
enum PersonalDataScan {
    enum Finding: Sendable, Equatable {
        case email(String)
        case phone(String)
        /// A parameter that is a credential by name (`password`, `secret`, ...).
        case credential(parameter: String)
        /// A token-like value (by name with a long value, or random-looking by itself).
        case token(parameter: String, length: Int)
    }

    static func first(in url: DestinationURL) -> Finding? {
        let rest = url.afterAuthority.utf8
        let inText = rest.withContiguousStorageIfAvailable { textFinding(in: $0) } ?? textFinding(in: Array(rest))
        if let inText { return inText }
        for part in [url.query, url.fragment].compactMap({ $0 }) {
            for (name, value) in QueryParameters(text: part) where !value.isEmpty {
                if let finding = parameter(name, value) { return finding }
            }
        }
        return nil
    }

    private static func textFinding<Bytes: RandomAccessCollection>(in bytes: Bytes) -> Finding?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        // E-mail addresses need `@` (or `%40`), phone numbers `+` (or `%2B`).
        guard bytes.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") })
        else { return nil }
        if let email = email(in: bytes) { return .email(email) }
        if let phone = internationalPhone(in: bytes) { return .phone(phone) }
        return nil
    }

    // MARK: - Parameters

    private static let credentialNames: Set<String> = [
        "password", "passwd", "pwd", "pass", "secret", "clientsecret", "privatekey",
    ]
    private static let tokenNames: Set<String> = [
        "token", "accesstoken", "refreshtoken", "idtoken", "authtoken", "auth", "authorization", "bearer", "jwt",
        "session", "sessionid", "sessid", "phpsessid", "jsessionid", "sid", "apikey", "key", "signature",
        "xamzsignature", "xamzsecuritytoken", "xamzcredential",
    ]
    private static let phoneNames: Set<String> = [
        "phone", "phonenumber", "tel", "telephone", "mobile", "mobilephone", "cell", "msisdn", "fax", "whatsapp",
    ]

    private static func parameter(_ name: Substring, _ value: Substring) -> Finding? {
        if name.isUTMParameterName { return nil }
        let normalised = name.normalisedParameterName
        if credentialNames.contains(normalised) { return .credential(parameter: String(name)) }
        if phoneNames.contains(normalised), value.utf8.filter(isDigit).count >= 6 { return .phone(redactedPhone(value)) }
        if isPhoneShaped(value) { return .phone(redactedPhone(value)) }
        let named = tokenNames.contains(normalised)
        if isJWT(value) || TokenShape(value).looksRandom(named: named) {
            return .token(parameter: String(name), length: value.utf8.count)
        }
        return nil
    }

    private static func isJWT(_ value: Substring) -> Bool {
        value.hasPrefix("eyJ") && value.utf8.filter { $0 == UInt8(ascii: ".") }.count == 2 && value.utf8.count >= 24
    }

    // MARK: - E-mail

    /// `local@domain.tld` (or `%40`) anywhere after the authority.
    private static func email<Bytes: RandomAccessCollection>(in bytes: Bytes) -> String?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = 0
        while index < bytes.count {
            let width = atSignWidth(bytes, index)
            guard width > 0 else {
                index += 1
                continue
            }
            var start = index
            while start > 0, isLocalPart(bytes[start - 1]) { start -= 1 }
            var end = index + width
            while end < bytes.count, isDomainPart(bytes[end]) { end += 1 }
            while end > index + width, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            let local = bytes[start ..< index]
            let domain = bytes[(index + width) ..< end]
            if let first = local.first, isAlphanumeric(first), isEmailDomain(domain) {
                return String(decoding: local.prefix(1), as: UTF8.self) + "…@" + String(decoding: domain, as: UTF8.self)
            }
            index += width
        }
        return nil
    }

    private static func atSignWidth<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ index: Int) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        if bytes[index] == UInt8(ascii: "@") { return 1 }
        if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "4"),
           bytes[index + 2] == UInt8(ascii: "0") { return 3 }
        return 0
    }

    private static func isEmailDomain<Bytes: Collection>(_ domain: Bytes) -> Bool where Bytes.Element == UInt8 {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last else { return false }
        return tld.count >= 2 && tld.allSatisfy(isLetter)
    }

    // MARK: - Phone numbers

    /// `+` (or `%2B`) and 8 to 15 digits, optionally grouped by spaces, `-` or parentheses.
    private static func internationalPhone<Bytes: RandomAccessCollection>(in bytes: Bytes) -> String?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = 0
        while index < bytes.count {
            var width = 0
            if bytes[index] == UInt8(ascii: "+") { width = 1 }
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "2"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "b") { width = 3 }
            guard width > 0, index == 0 || !isAlphanumeric(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index + width
            var digits = 0
            var last = end
            while end < bytes.count {
                if isDigit(bytes[end]) {
                    digits += 1
                    end += 1
                    last = end
                } else if let separator = separatorWidth(bytes, end), end + separator < bytes.count,
                          isDigit(bytes[end + separator]) || bytes[end + separator] == UInt8(ascii: "(") {
                    end += separator
                } else {
                    break
                }
            }
            let followedByText = last < bytes.count && isAlphanumeric(bytes[last])
            if (8...15).contains(digits), !followedByText, index + width < bytes.count, isDigit(bytes[index + width]) {
                return redactedPhone(Substring(String(decoding: bytes[index ..< last], as: UTF8.self)))
            }
            index += width
        }
        return nil
    }

    private static func separatorWidth<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ index: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): return 1
        case UInt8(ascii: "%") where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "2") && bytes[index + 2] == UInt8(ascii: "0"):
            return 3
        default: return nil
        }
    }

    /// A whole query value written like a national phone number: three or more digit groups,
    /// 9 to 15 digits, starting with `0` or `(`, or the North American `555-123-4567`.
    /// Dates (`2026-03-01`), IPv4 addresses and ISBNs are not phone numbers.
    private static func isPhoneShaped(_ value: Substring) -> Bool {
        let text = value.decodingEncodedSpaces()
        guard let first = text.first, first.isNumber || first == "(" || first == "+",
              text.allSatisfy({ $0.isASCII && ($0.isNumber || " -.()+".contains($0)) }) else { return false }
        let groups = text.split { !$0.isNumber }.map(\.count)
        let digits = groups.reduce(0, +)
        guard groups.count >= 3, (9...15).contains(digits) else { return false }
        if groups.count == 3, groups == [4, 2, 2] || groups == [2, 2, 4] { return false }
        if text.hasPrefix("978") || text.hasPrefix("979") { return false }
        if groups.count == 4, text.allSatisfy({ $0.isNumber || $0 == "." }) { return false }
        return first == "(" || first == "0" || first == "+" || groups == [3, 3, 4]
    }

    private static func redactedPhone(_ value: Substring) -> String {
        let digits = value.filter(\.isNumber)
        return String(value.prefix(3)) + "…" + String(digits.suffix(2))
    }

    // MARK: - Bytes

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { ((byte | 0x20) >= UInt8(ascii: "a")) && ((byte | 0x20) <= UInt8(ascii: "z")) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    private static func isLocalPart(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-")
    }
    private static func isDomainPart(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}

private extension Substring {
    /// The value with `%20` written as a space.
    func decodingEncodedSpaces() -> String {
        var bytes: [UInt8] = []
        var rest = utf8[...]
        while let byte = rest.first {
            if rest.starts(with: "%20".utf8) {
                bytes.append(UInt8(ascii: " "))
                rest = rest.dropFirst(3)
            } else {
                bytes.append(byte)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
