// Which files a run reports on when the user names some (a pre-commit hook passes the staged ones):
// the named files, and for a named file that others depend on — an FAQ, a moderation policy, a
// partial, replylint.yml — the findings it can cause in them, reported on their own lines.

struct LintScope: Sendable {
    /// nil: the whole library.
    private var named: Set<String>?
    /// Files checked because a named file they depend on changed, with the rules whose findings
    /// that file can cause in them (nil: every rule).
    private var dependents: [String: Set<String>?] = [:]

    init(library: Library, onlyFiles: Set<String>?) {
        named = onlyFiles
        guard let onlyFiles else { return }
        // Everything depends on the config: channels, rule levels, placeholders.
        if let config = library.configuration.file, onlyFiles.contains(config) {
            named = nil
            return
        }
        let replyFiles = Set(library.replies.map(\.file))
        for policy in library.policies where onlyFiles.contains(policy.file) {
            switch policy.kind {
            case .faq:
                // Any reply's FAQ id may have been this document's (an entry removed or renamed).
                add(replyFiles, rules: [FAQUnknownRule.description.id, FAQSensitivePublicRule.description.id])
            case .moderation:
                // Its "We will never ask for" list is part of personal-data-never's vocabulary.
                add(replyFiles, rules: [PersonalDataNeverRule.description.id])
            case .other:
                break
            }
        }
        let changedPartials = Set(library.partials.values.filter { onlyFiles.contains($0.file) }.map(\.name))
        if !changedPartials.isEmpty {
            // A reply that includes a changed partial, or a partial that no longer exists (it was renamed), may break.
            let users = library.replies.filter { reply in
                let used = Self.partials(reachableFrom: reply.template, in: library.partials)
                return !used.isDisjoint(with: changedPartials) || used.contains { library.partials[$0] == nil }
            }
            add(Set(users.map(\.file)), rules: nil)
        }
    }

    private mutating func add(_ files: Set<String>, rules: Set<String>?) {
        for file in files where !(named?.contains(file) ?? true) {
            switch (dependents[file], rules) {
            case (nil, _): dependents[file] = .some(rules)
            case (.some(nil), _), (_, nil): dependents[file] = .some(nil)
            case (.some(.some(let existing)), .some(let new)): dependents[file] = .some(existing.union(new))
            }
        }
    }

    /// Whether the file's replies or policy are checked at all.
    func checks(_ file: String) -> Bool {
        named?.contains(file) ?? true || dependents[file] != nil
    }

    /// Whether a finding is reported.
    func keeps(_ finding: Finding) -> Bool {
        keeps(file: finding.file, ruleID: finding.ruleID)
    }

    /// Whether a finding of that rule on that file is reported.
    func keeps(file: String, ruleID: String) -> Bool {
        if named?.contains(file) ?? true { return true }
        guard let rules = dependents[file] else { return false }
        return rules?.contains(ruleID) ?? true
    }

    /// The files reported on, or nil for the whole library.
    var files: Set<String>? { named.map { $0.union(dependents.keys) } }

    /// Partial names a template includes, directly or through other partials.
    static func partials(reachableFrom template: ParsedTemplate, in partials: [String: Partial]) -> Set<String> {
        var seen = Set<String>()
        var pending = [template]
        while let next = pending.popLast() {
            for entry in next.tags() where entry.kind == .partial && seen.insert(entry.tag.name).inserted {
                if let partial = partials[entry.tag.name] { pending.append(partial.template) }
            }
        }
        return seen
    }
}
