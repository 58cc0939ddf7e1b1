#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A policy regular expression compiled once per run with POSIX `regcomp` (extended syntax,
/// no sub-matches), then matched with `regexec` for every code.
///
/// Policies write patterns PCRE-style; the common shorthands are translated first (`\d`,
/// `\w`, `\s` and their negations; inside `[...]` too), everything else is POSIX ERE. A
/// pattern matches anywhere in the value unless it is anchored: `^[a-z]+$` matches the whole
/// value, `[a-z]+` any value that contains a letter.
///
/// Thread safety: POSIX requires `regexec` to be thread-safe, and glibc guards the state it
/// keeps inside a compiled `regex_t` with a lock, so one compiled pattern may be matched from
/// many threads at once. The `regex_t` lives at a fixed address (never moved or copied) and is
/// only read after `init`; `deinit` frees it. Hence `@unchecked Sendable`.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern as written in the policy.
    public let source: String
    /// The POSIX ERE actually compiled.
    public let translated: String
    private let regex: UnsafeMutablePointer<regex_t>

    /// Why a pattern cannot be used.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    private init(source: String, translated: String, regex: UnsafeMutablePointer<regex_t>) {
        self.source = source
        self.translated = translated
        self.regex = regex
    }

    deinit {
        regfree(regex)
        regex.deallocate()
    }

    /// Translates and compiles `source`, or says why it cannot be.
    public static func compile(_ source: String) -> Result<CompiledPattern, Problem> {
        let translated: String
        switch PatternTranslation.posixExtended(source) {
        case .success(let text): translated = text
        case .failure(let problem): return .failure(problem)
        }
        let regex = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(regex, translated, REG_EXTENDED | REG_NOSUB)
        guard status == 0 else {
            let message = errorMessage(status, regex)
            regex.deallocate()
            return .failure(Problem(description: message))
        }
        return .success(CompiledPattern(source: source, translated: translated, regex: regex))
    }

    /// True when the pattern matches `value` (anywhere, unless the pattern is anchored).
    /// A value holding a NUL byte never matches (C strings would cut it short).
    public func matches(_ value: String) -> Bool {
        if value.utf8.contains(0) { return false }
        return value.withCString { regexec(regex, $0, 0, nil, 0) == 0 }
    }

    private static func errorMessage(_ status: Int32, _ regex: UnsafeMutablePointer<regex_t>) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        _ = regerror(status, regex, &buffer, buffer.count)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}

/// PCRE-style shorthands to POSIX ERE.
enum PatternTranslation {
    static func posixExtended(_ source: String) -> Result<String, CompiledPattern.Problem> {
        var output = ""
        var scalars = source.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\":
                guard let escaped = scalars.popFirst() else { return .failure(problem("the pattern ends with a lone `\\`")) }
                output += outsideClass(escaped)
            case "[":
                switch bracket(&scalars) {
                case .success(let text): output += text
                case .failure(let problem): return .failure(problem)
                }
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return .success(output)
    }

    private static func outsideClass(_ escaped: Unicode.Scalar) -> String {
        switch escaped {
        case "d": "[0-9]"
        case "D": "[^0-9]"
        case "w": "[A-Za-z0-9_]"
        case "W": "[^A-Za-z0-9_]"
        case "s": "[[:space:]]"
        case "S": "[^[:space:]]"
        default: "\\" + String(escaped)
        }
    }

    /// A bracket expression after its `[`. In POSIX a backslash is literal inside brackets, so
    /// PCRE escapes are resolved here; an escaped `]` moves first, `^` and `-` move last.
    private static func bracket(_ scalars: inout Substring.UnicodeScalarView) -> Result<String, CompiledPattern.Problem> {
        var negated = false
        var body = ""
        var closeBracket = false
        var caret = false
        var dash = false
        if scalars.first == "^" {
            negated = true
            scalars.removeFirst()
        }
        if scalars.first == "]" {
            closeBracket = true
            scalars.removeFirst()
        }
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "]":
                return .success(assemble(negated: negated, body: body, closeBracket: closeBracket, caret: caret, dash: dash))
            case "[" where scalars.first == ":":
                body += "[:"
                scalars.removeFirst()
                while let inner = scalars.popFirst() {
                    body.unicodeScalars.append(inner)
                    if inner == "]" { break }
                }
            case "\\":
                guard let escaped = scalars.popFirst() else { break }
                switch escaped {
                case "d": body += "0-9"
                case "w": body += "A-Za-z0-9_"
                case "s": body += "[:space:]"
                case "D", "W", "S":
                    return .failure(problem("`\\\(escaped)` inside `[...]` is not supported; write the class out"))
                case "]": closeBracket = true
                case "^": caret = true
                case "-": dash = true
                default: body.unicodeScalars.append(escaped)
                }
            default:
                body.unicodeScalars.append(scalar)
            }
        }
        return .failure(problem("a `[` is never closed"))
    }

    private static func assemble(negated: Bool, body: String, closeBracket: Bool, caret: Bool, dash: Bool) -> String {
        if !negated, !closeBracket, body.isEmpty, caret, !dash { return "\\^" }
        var text = "["
        if negated { text += "^" }
        if closeBracket { text += "]" }
        if !negated, !closeBracket, body.isEmpty, caret {
            return text + "-^]"
        }
        text += body
        if caret { text += "^" }
        if dash { text += "-" }
        return text + "]"
    }

    private static func problem(_ message: String) -> CompiledPattern.Problem {
        CompiledPattern.Problem(description: message)
    }
}
