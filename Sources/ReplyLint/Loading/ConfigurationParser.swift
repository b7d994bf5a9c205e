// Reading `replylint.yml` into a Configuration, with a one-line error naming the file and position.

extension Configuration {
    static let topLevelKeys = ["paths", "locale", "team", "accounts", "rules", "channels", "placeholders", "usage", "serve", "limits"]
    static let channelKeys = ["platform", "visibility", "limit", "unit", "business-may-start", "dm-link", "account", "private-route"]

    /// Reads `text` (the contents of `file`); `rules` are the known rules, for checking ids and options.
    public static func parse(_ text: String, file: String, rules: [RuleDescription]) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        configuration.file = file
        func fail(_ message: String, _ position: TextPosition?) -> ConfigurationError {
            ConfigurationError(file: file, position: position, message: message)
        }
        let root: YAMLValue?
        do {
            root = try YAMLDocument.parse(text, lineOffset: 0)
        } catch {
            throw fail(error.message, error.position)
        }
        guard let root, !root.isNull else { return configuration }
        guard let entries = root.mapping else {
            throw fail("expected a mapping of settings (paths, rules, channels, …), found \(root.typeName)", root.position)
        }
        for (key, keyPosition, value) in entries {
            switch key {
            case "paths":
                guard let paths = value.mapping else { throw fail("'paths' takes 'replies' and 'policies'", value.position) }
                for (pathKey, pathKeyPosition, pathValue) in paths {
                    // An empty list says "none, on purpose" (a library of policies only); a missing folder is an error.
                    guard let list = pathValue.stringList, !list.contains(where: { $0.value.allSatisfy(\.isWhitespace) }) else {
                        throw fail("'paths.\(pathKey)' takes a folder or a list of folders ([] for none)", pathValue.position)
                    }
                    switch pathKey {
                    case "replies": configuration.replyPaths = list.map(\.value)
                    case "policies": configuration.policyPaths = list.map(\.value)
                    default:
                        throw fail("unknown key 'paths.\(pathKey)'\(Suggestion.hint(for: pathKey, in: ["replies", "policies"])); paths takes replies and policies", pathKeyPosition)
                    }
                }
            case "locale":
                guard let locale = value.string, !value.isNull else { throw fail("'locale' takes a language tag such as en-US", value.position) }
                configuration.locale = locale
            case "team":
                guard let team = value.mapping else { throw fail("'team' takes a mapping with 'name'", value.position) }
                for (teamKey, teamKeyPosition, teamValue) in team {
                    guard teamKey == "name" else { throw fail("unknown key 'team.\(teamKey)'; team takes 'name'", teamKeyPosition) }
                    guard let name = teamValue.string, !teamValue.isNull else { throw fail("'team.name' takes text", teamValue.position) }
                    // Every render prints it: a value render would refuse must fail here, once, not in every render.
                    if let problem = Self.problem(inPrintedValue: name) {
                        throw fail("'team.name' \(problem); it is printed in every reply that uses {{team.name}}", teamValue.position)
                    }
                    configuration.teamName = name
                }
            case "accounts":
                guard let accounts = value.mapping else { throw fail("'accounts' takes platform: account-id pairs, e.g. x: \"1234567890\"", value.position) }
                for (platform, _, account) in accounts {
                    guard let id = account.string, !account.isNull else { throw fail("'accounts.\(platform)' takes an account id", account.position) }
                    // The id goes into a link (`recipient_id=…`, `m.me/…`): an empty id, or one that would change
                    // the link's meaning, would send customers somewhere else.
                    guard !id.isEmpty, id.unicodeScalars.allSatisfy(Self.isAccountIDCharacter) else {
                        throw fail(id.isEmpty
                            ? "'accounts.\(platform)' is empty; write the account id (e.g. \"1490000000000000000\"), or remove the line"
                            : "'accounts.\(platform)' holds '\(id.unicodeScalars.first { !Self.isAccountIDCharacter($0) }.map { String($0).debugDescription } ?? "?")'; an account id is letters, digits, '.', '_' or '-'",
                            account.position)
                    }
                    configuration.accounts[platform] = id
                }
            case "usage":
                guard let fields = value.mapping else { throw fail("'usage' takes {csv: FILE, log: FILE or postgres://…, buffer: N}", value.position) }
                for (usageKey, usageKeyPosition, usageValue) in fields {
                    switch usageKey {
                    case "csv":
                        guard let path = usageValue.string, !usageValue.isNull else { throw fail("'usage.csv' takes a file path", usageValue.position) }
                        configuration.usageCSV = path
                    case "log":
                        if usageValue.bool == false || usageValue.string == "off" {
                            configuration.usageLog = nil
                        } else {
                            guard let path = usageValue.string, !usageValue.isNull, !path.isEmpty else {
                                throw fail("'usage.log' takes a file path for an SQLite usage log, a postgres:// URL, or off", usageValue.position)
                            }
                            // A URL is checked now, so a typo stops every command at once with its line;
                            // the message never repeats the password.
                            do {
                                _ = try UsageLogLocation.parse(path, root: "/", from: "usage.log")
                            } catch {
                                throw fail(error.message.hasPrefix("usage.log: ") ? String(error.message.dropFirst(11)) : error.message, usageValue.position)
                            }
                            configuration.usageLog = path
                        }
                    case "buffer":
                        guard let buffer = usageValue.int, (1...10_000_000).contains(buffer) else {
                            throw fail("'usage.buffer' takes how many renders to keep while the usage log cannot be written: 1 to 10000000", usageValue.position)
                        }
                        configuration.usageBuffer = buffer
                    default:
                        throw fail("unknown key 'usage.\(usageKey)'\(Suggestion.hint(for: usageKey, in: ["csv", "log", "buffer"])); usage takes 'csv', 'log' and 'buffer'", usageKeyPosition)
                    }
                }
            case "serve":
                guard let fields = value.mapping else { throw fail("'serve' takes {token: …}", value.position) }
                for (serveKey, serveKeyPosition, serveValue) in fields {
                    guard serveKey == "token" else { throw fail("unknown key 'serve.\(serveKey)'; serve takes 'token' (host and port are options of `replylint serve`)", serveKeyPosition) }
                    guard let token = serveValue.string, !serveValue.isNull, !token.isEmpty else {
                        throw fail("'serve.token' takes the bearer token clients must send; prefer the REPLYLINT_TOKEN environment variable over a token in git", serveValue.position)
                    }
                    configuration.serveToken = token
                }
            case "rules":
                try parseRules(value, into: &configuration, rules: rules, fail: fail)
            case "limits":
                guard let fields = value.mapping else {
                    throw fail("'limits' takes \(Limits.settings.map { "\($0.key): N" }.joined(separator: ", "))", value.position)
                }
                for (limitKey, limitKeyPosition, limitValue) in fields {
                    let keys = Limits.settings.map(\.key)
                    guard let setting = Limits.setting(limitKey) else {
                        throw fail("unknown key 'limits.\(limitKey)'\(Suggestion.hint(for: limitKey, in: keys)); limits takes \(keys.joined(separator: ", "))", limitKeyPosition)
                    }
                    guard let number = limitValue.int, (1...setting.ceiling).contains(number) else {
                        throw fail("'limits.\(limitKey)' takes a whole number of \(setting.unit) from 1 to \(Limits.grouped(setting.ceiling))", limitValue.position)
                    }
                    configuration.limits[keyPath: setting.path] = number
                }
            case "channels":
                try parseChannels(value, into: &configuration, fail: fail)
            case "placeholders":
                guard let declarations = value.mapping else { throw fail("'placeholders' takes name: {max, example, …} pairs", value.position) }
                for (name, namePosition, declaration) in declarations {
                    var problems: [FrontMatterProblem] = []
                    let parsed = PlaceholderDeclaration.parse(name: name, declaration, at: namePosition, problems: &problems)
                    if let problem = problems.first { throw fail(problem.message, problem.position) }
                    configuration.placeholders[name] = parsed
                }
            default:
                throw fail("unknown key '\(key)'\(Suggestion.hint(for: key, in: topLevelKeys)); known keys: \(topLevelKeys.joined(separator: ", "))", keyPosition)
            }
        }
        // `limits:` may come after `placeholders:`; shared declarations are checked against it once both are read.
        for (name, declaration) in configuration.placeholders {
            if let max = declaration.max, max > configuration.limits.placeholderMax {
                throw fail("'placeholders.\(name).max' is \(Limits.grouped(max)), more than \(configuration.limits.describe("placeholder-max")); lower it, or raise limits.placeholder-max", declaration.position)
            }
        }
        return configuration
    }

    /// Letters, digits, `.`, `_` and `-`: what X, Facebook, Instagram and WhatsApp ids and usernames are made of.
    static func isAccountIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
    }

    /// Why a value from config cannot be printed in a reply, if it cannot: render would refuse every
    /// reply that prints it, so config refuses it first.
    static func problem(inPrintedValue text: String) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "is empty" }
        if text.unicodeScalars.contains(where: TemplateValue.isControlCharacter) { return "holds a control character or a line break" }
        if text.containsBytes("{{") || text.containsBytes("}}") { return "holds '{{' or '}}', which would be left in the text" }
        if let marker = FillInMarkers.first(in: text) { return "holds the fill-in marker '\(marker.text)'" }
        return nil
    }

    private static func parseRules(
        _ value: YAMLValue, into configuration: inout Configuration, rules: [RuleDescription],
        fail: (String, TextPosition?) -> ConfigurationError
    ) throws(ConfigurationError) {
        guard let entries = value.mapping else { throw fail("'rules' takes rule-id: level pairs, e.g. tone-exclamation: off", value.position) }
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        for (id, idPosition, setting) in entries {
            guard let rule = byID[id] else {
                throw fail("unknown rule '\(id)'\(Suggestion.hint(for: id, in: byID.keys)); `replylint rules` lists them", idPosition)
            }
            if let text = setting.string {
                guard let level = RuleLevel(configValue: text) else {
                    throw fail("rule '\(id)' takes off, info, warning or error, not '\(text)'", setting.position)
                }
                configuration.ruleLevels[id] = level
                continue
            }
            guard let options = setting.mapping else {
                throw fail("rule '\(id)' takes a level (off, info, warning, error) or a mapping with 'severity' and options", setting.position)
            }
            for (name, namePosition, optionValue) in options {
                if name == "severity" {
                    guard let text = optionValue.string, let level = RuleLevel(configValue: text) else {
                        throw fail("'rules.\(id).severity' takes off, info, warning or error", optionValue.position)
                    }
                    configuration.ruleLevels[id] = level
                    continue
                }
                guard let option = rule.options.first(where: { $0.name == name }) else {
                    let known = ["severity"] + rule.options.map(\.name)
                    throw fail("rule '\(id)' has no option '\(name)'\(Suggestion.hint(for: name, in: known)); it takes \(known.joined(separator: ", "))", namePosition)
                }
                guard let parsed = optionValue.optionValue(like: option.defaultValue) else {
                    throw fail("'rules.\(id).\(name)' takes \(option.defaultValue.typeName)", optionValue.position)
                }
                // Counts, grades, days and shares are never negative; a negative one would switch a rule off unseen.
                let negative: Bool
                switch parsed {
                case .int(let number): negative = number < 0
                case .number(let number): negative = number < 0 || !number.isFinite
                default: negative = false
                }
                if negative { throw fail("'rules.\(id).\(name)' takes \(option.defaultValue.typeName) of 0 or more", optionValue.position) }
                configuration.ruleOptions[id, default: [:]][name] = parsed
            }
        }
    }

    private static func parseChannels(
        _ value: YAMLValue, into configuration: inout Configuration,
        fail: (String, TextPosition?) -> ConfigurationError
    ) throws(ConfigurationError) {
        guard let entries = value.mapping else { throw fail("'channels' takes channel-id: {limit, …} pairs", value.position) }
        for (id, idPosition, settings) in entries {
            guard let fields = settings.mapping else {
                throw fail("channel '\(id)' takes a mapping (platform, visibility, limit, unit)", settings.position)
            }
            let existing = configuration.channels[id]
            var channel = existing ?? Channel(id: id, platform: id, visibility: .public, limit: nil, unit: .characters)
            var sawVisibility = false
            for (key, keyPosition, field) in fields {
                switch key {
                case "platform":
                    guard let text = field.string else { throw fail("'channels.\(id).platform' takes text", field.position) }
                    channel.platform = text
                case "visibility":
                    guard let text = field.string, let visibility = Visibility(rawValue: text) else {
                        throw fail("'channels.\(id).visibility' takes public or private", field.position)
                    }
                    channel.visibility = visibility
                    sawVisibility = true
                case "limit":
                    if field.isNull || field.string == "none" {
                        channel.limit = nil
                    } else {
                        guard let limit = field.int, limit > 0 else {
                            throw fail("'channels.\(id).limit' takes a positive whole number, or none", field.position)
                        }
                        channel.limit = limit
                    }
                case "unit":
                    guard let text = field.string, let unit = LengthUnit(rawValue: text) else {
                        let units = LengthUnit.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail("'channels.\(id).unit' takes one of \(units)", field.position)
                    }
                    channel.unit = unit
                case "business-may-start":
                    guard let text = field.string else { throw fail("'channels.\(id).business-may-start' takes text", field.position) }
                    channel.businessMayStart = text
                case "dm-link":
                    guard let text = field.string else { throw fail("'channels.\(id).dm-link' takes a URL with {account}", field.position) }
                    channel.dmLinkTemplate = text
                case "account":
                    guard let text = field.string else { throw fail("'channels.\(id).account' takes a key of 'accounts:'", field.position) }
                    channel.accountKey = text
                case "private-route":
                    guard let text = field.string else { throw fail("'channels.\(id).private-route' takes a private channel id", field.position) }
                    channel.privateRoute = text
                default:
                    throw fail("unknown key '\(key)' for channel '\(id)'\(Suggestion.hint(for: key, in: channelKeys)); channels take \(channelKeys.joined(separator: ", "))", keyPosition)
                }
            }
            if existing == nil && !sawVisibility {
                throw fail("custom channel '\(id)' needs 'visibility: public' or 'visibility: private' — a linter must not guess who can read it", idPosition)
            }
            configuration.channels[id] = channel
        }
    }
}

extension YAMLValue {
    /// This value read as the same kind of option value as `example`.
    func optionValue(like example: OptionValue) -> OptionValue? {
        switch example {
        case .bool: bool.map(OptionValue.bool)
        case .int: int.map(OptionValue.int)
        case .number: double.map(OptionValue.number)
        case .string: isNull ? nil : string.map(OptionValue.string)
        case .strings: stringList.map { .strings($0.map(\.value)) }
        }
    }
}
