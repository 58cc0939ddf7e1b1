import Catalog
import Routing

/// A redirect-table entry (`TableCode`) in a cached record (`BuildProducts`), every field.
extension RecordWriter {
    mutating func tableCode(_ code: TableCode) {
        string(code.id)
        string(code.domain)
        string(code.slug)
        count(TableState.allCases.firstIndex(of: code.state) ?? 0)
        optional(code.launch) { $0.signed($1) }
        optional(code.retire) { $0.signed($1) }
        signed(Int64(code.status))
        optional(code.target) { $0.string($1) }
        flag(code.forwardQuery)
        count(code.utm.count)
        for parameter in code.utm {
            string(parameter.name)
            string(parameter.value)
        }
        count(code.routes.count)
        for route in code.routes {
            condition(route.condition)
            switch route.outcome {
            case .target(let target):
                count(0)
                string(target)
            case .split(let arms):
                count(1)
                count(arms.count)
                for arm in arms {
                    signed(Int64(arm.weight))
                    string(arm.target)
                }
            }
        }
        optional(code.fallback) { $0.string($1) }
    }

    private mutating func condition(_ condition: TableCondition) {
        count(condition.devices.count)
        for device in condition.devices { count(Device.allCases.firstIndex(of: device) ?? 0) }
        count(condition.languages.count)
        for language in condition.languages { string(language) }
        count(condition.countries.count)
        for country in condition.countries { string(country) }
        count(condition.query.count)
        for query in condition.query {
            string(query.name)
            optional(query.value) { $0.string($1) }
        }
        optional(condition.after) { $0.signed($1) }
        optional(condition.before) { $0.signed($1) }
    }
}

extension RecordReader {
    mutating func tableCode() throws(Malformed) -> TableCode {
        let id = try string()
        let domain = try string()
        let slug = try string()
        let state = try choice(TableState.allCases)
        let launch = try optional { (reader) throws(Malformed) in try reader.signed() }
        let retire = try optional { (reader) throws(Malformed) in try reader.signed() }
        let status = try int()
        let target = try optional { (reader) throws(Malformed) in try reader.string() }
        let forwardQuery = try flag()
        let utm = try list { (reader) throws(Malformed) in QueryParameter(name: try reader.string(), value: try reader.string()) }
        let routes = try list { (reader) throws(Malformed) -> TableRoute in
            let condition = try reader.condition()
            let outcome: TableOutcome
            switch try reader.count() {
            case 0:
                outcome = .target(try reader.string())
            case 1:
                outcome = .split(try reader.list { (reader) throws(Malformed) in
                    TableSplitArm(weight: try reader.int(), target: try reader.string())
                })
            default:
                throw Malformed()
            }
            return TableRoute(condition: condition, outcome: outcome)
        }
        let fallback = try optional { (reader) throws(Malformed) in try reader.string() }
        return TableCode(id: id, domain: domain, slug: slug, state: state, launch: launch, retire: retire, status: status,
                         target: target, forwardQuery: forwardQuery, utm: utm, routes: routes, fallback: fallback)
    }

    private mutating func condition() throws(Malformed) -> TableCondition {
        let devices = try list { (reader) throws(Malformed) in try reader.choice(Device.allCases) }
        let languages = try list { (reader) throws(Malformed) in try reader.string() }
        let countries = try list { (reader) throws(Malformed) in try reader.string() }
        let query = try list { (reader) throws(Malformed) in
            QueryCondition(name: try reader.string(), value: try reader.optional { (reader) throws(Malformed) in try reader.string() })
        }
        let after = try optional { (reader) throws(Malformed) in try reader.signed() }
        let before = try optional { (reader) throws(Malformed) in try reader.signed() }
        return TableCondition(devices: devices, languages: languages, countries: countries, query: query, after: after, before: before)
    }

    /// One of `cases`, by its index.
    mutating func choice<Value>(_ cases: [Value]) throws(Malformed) -> Value {
        let index = try count()
        guard index < cases.count else { throw Malformed() }
        return cases[index]
    }

    /// A signed number that fits an `Int`.
    mutating func int() throws(Malformed) -> Int {
        let value = try signed()
        guard let number = Int(exactly: value) else { throw Malformed() }
        return number
    }
}
