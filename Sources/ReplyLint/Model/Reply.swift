// A saved reply as loaded from the library: its front matter, its body, and where each part sits in its file.

public struct PlaceholderDeclaration: Sendable, Hashable {
    public var name: String
    public var max: Int?
    /// nil when not declared: then a name printed outside a section for it is required.
    public var required: Bool?
    public var example: String?
    public var defaultValue: String?
    /// Printed by `render` when the value is missing, empty or only spaces ("Hi there," rather than "Hi ,").
    public var fallback: String?
    /// Where the fallback is written, for the finding about an empty one.
    public var fallbackPosition: TextPosition?
    public var personal: Bool
    public var position: TextPosition?

    public init(
        name: String, max: Int? = nil, required: Bool? = nil, example: String? = nil,
        defaultValue: String? = nil, fallback: String? = nil, personal: Bool = false, position: TextPosition? = nil
    ) {
        self.name = name
        self.max = max
        self.required = required
        self.example = example
        self.defaultValue = defaultValue
        self.fallback = fallback
        self.personal = personal
        self.position = position
    }
}

public struct MediaAttachment: Sendable, Hashable {
    /// The path as written, relative to the reply's file.
    public var path: String
    public var alt: String?
    /// Whether the file was found when the library was loaded.
    public var exists: Bool
    public var position: TextPosition

    public init(path: String, alt: String?, exists: Bool, position: TextPosition) {
        self.path = path
        self.alt = alt
        self.exists = exists
        self.position = position
    }
}

/// A value from front matter and the position of the value in the file.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var position: TextPosition

    public init(_ value: Value, at position: TextPosition) {
        self.value = value
        self.position = position
    }
}

/// Something wrong with how a reply's front matter is written; the `front-matter` rule reports these.
public struct FrontMatterProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The YAML does not parse: the reply's fields could not be read (an error).
        case syntax
        /// A key that is not part of the schema, or a value of the wrong type: a setting was dropped (an error).
        case schema
        /// Something worth changing that drops nothing (a warning).
        case advice
        /// The YAML is larger than the library's limits allow once its aliases are expanded: nothing of it
        /// was read (reported by `limit-exceeded`, an error).
        case limit
    }

    public var kind: Kind
    public var message: String
    public var position: TextPosition
    /// For an unknown key, the known key it is probably a typo of (`chanels` → `channels`): rules that
    /// would report that key as missing leave it to this problem, which names the cause.
    public var suggestedKey: String?

    public init(kind: Kind, message: String, position: TextPosition, suggestedKey: String? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
        self.suggestedKey = suggestedKey
    }
}

public struct Reply: Sendable {
    /// A reply's fields, stored once in a box the reply points to. Every rule and the linter pass replies
    /// around, and each copy of a struct of twenty fields retained and released every one of them (about
    /// 3.5 % of a 10,000-reply lint's CPU); a copy of a reference is one retain. The box is never changed:
    /// setting a field boxes a changed copy. Loading builds the fields first and boxes them once.
    struct Fields: Sendable {
        var id: String
        var idPosition: TextPosition?
        var file: String
        var title: String?
        var faq: Located<String>?
        var channels: [Located<String>]
        var tags: [String]
        var tagPositions: [String: TextPosition] = [:]
        var locale: String?
        var placeholders: [String: PlaceholderDeclaration]
        var media: [MediaAttachment]
        var disabledRules: Set<String>
        var body: String {
            didSet { bodyMayHoldDirectives = Reply.mayHoldDirectives(body) }
        }
        /// Whether `body` may hold a suppression comment, found once as the reply is loaded, on the loading
        /// threads: the linter asks of every reply once the library-wide checks report anything, on one thread
        /// (3 to 4 ms of a 10,000-reply lint).
        private(set) var bodyMayHoldDirectives: Bool
        var template: ParsedTemplate
        var prose: String {
            didSet { proseKeepsTags = prose.containsBytes("{{") }
        }
        /// Whether `prose` still holds a tag (`{{dm_link}}`), found once: the tone rules asked for every reply.
        private(set) var proseKeepsTags: Bool
        var bodyStart: TextPosition
        var bodyIndent: Int
        var position: TextPosition
        var problems: [FrontMatterProblem]
        var isBodyParsed = true

        init(
            id: String, file: String, title: String? = nil, faq: Located<String>? = nil,
            channels: [Located<String>] = [], tags: [String] = [], locale: String? = nil,
            placeholders: [String: PlaceholderDeclaration] = [:], media: [MediaAttachment] = [],
            disabledRules: Set<String> = [], body: String, template: ParsedTemplate, prose: String,
            bodyStart: TextPosition = TextPosition(line: 1, column: 1),
            bodyIndent: Int = 0, position: TextPosition = TextPosition(line: 1, column: 1),
            problems: [FrontMatterProblem] = []
        ) {
            self.id = id
            self.file = file
            self.title = title
            self.faq = faq
            self.channels = channels
            self.tags = tags
            self.locale = locale
            self.placeholders = placeholders
            self.media = media
            self.disabledRules = disabledRules
            self.body = body
            bodyMayHoldDirectives = Reply.mayHoldDirectives(body)
            self.template = template
            self.prose = prose
            proseKeepsTags = prose.containsBytes("{{")
            self.bodyStart = bodyStart
            self.bodyIndent = bodyIndent
            self.position = position
            self.problems = problems
        }
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(fields: Fields) { box = Box(fields) }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public var id: String {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    /// Where `id:` is written, when front matter sets it.
    public var idPosition: TextPosition? {
        get { box.fields.idPosition }
        set { update { $0.idPosition = newValue } }
    }
    /// Path as the user sees it.
    public var file: String {
        get { box.fields.file }
        set { update { $0.file = newValue } }
    }
    public var title: String? {
        get { box.fields.title }
        set { update { $0.title = newValue } }
    }
    public var faq: Located<String>? {
        get { box.fields.faq }
        set { update { $0.faq = newValue } }
    }
    public var channels: [Located<String>] {
        get { box.fields.channels }
        set { update { $0.channels = newValue } }
    }
    public var tags: [String] {
        get { box.fields.tags }
        set { update { $0.tags = newValue } }
    }
    /// Where each tag is written, for findings that point at one.
    public var tagPositions: [String: TextPosition] {
        get { box.fields.tagPositions }
        set { update { $0.tagPositions = newValue } }
    }
    public var locale: String? {
        get { box.fields.locale }
        set { update { $0.locale = newValue } }
    }
    public var placeholders: [String: PlaceholderDeclaration] {
        get { box.fields.placeholders }
        set { update { $0.placeholders = newValue } }
    }
    public var media: [MediaAttachment] {
        get { box.fields.media }
        set { update { $0.media = newValue } }
    }
    /// Rule ids switched off for this reply in front matter (`disable:`).
    public var disabledRules: Set<String> {
        get { box.fields.disabledRules }
        set { update { $0.disabledRules = newValue } }
    }
    /// The reply exactly as sent, before placeholders are filled.
    public internal(set) var body: String {
        get { box.fields.body }
        set { update { $0.body = newValue } }
    }
    /// The body parsed as a Mustache template, once, for every rule and the renderer.
    public internal(set) var template: ParsedTemplate {
        get { box.fields.template }
        set { update { $0.template = newValue } }
    }
    /// The body with placeholder tags blanked out (offsets kept) except `{{dm_link}}`: what the
    /// privacy and tone rules read, computed once. (Loading fills both from the body.)
    public internal(set) var prose: String {
        get { box.fields.prose }
        set { update { $0.prose = newValue } }
    }
    /// Where the body's first character sits in the file.
    public var bodyStart: TextPosition {
        get { box.fields.bodyStart }
        set { update { $0.bodyStart = newValue } }
    }
    /// Added to the column of body lines after the first (a YAML block scalar's indentation).
    public var bodyIndent: Int {
        get { box.fields.bodyIndent }
        set { update { $0.bodyIndent = newValue } }
    }
    /// Where the reply is declared: the file's first line, or its item in a YAML collection.
    public var position: TextPosition {
        get { box.fields.position }
        set { update { $0.position = newValue } }
    }
    public var problems: [FrontMatterProblem] {
        get { box.fields.problems }
        set { update { $0.problems = newValue } }
    }
    /// Whether `prose` still holds a tag: `{{dm_link}}`, which only the tone rules blank out.
    var proseKeepsTags: Bool { box.fields.proseKeepsTags }
    /// Whether `body` may hold a suppression comment (see Suppressions).
    var bodyMayHoldDirectives: Bool { box.fields.bodyMayHoldDirectives }

    /// Whether `body` may hold a suppression comment (`{{! replylint-disable… }}`): both keywords start with this.
    static func mayHoldDirectives(_ body: String) -> Bool { body.containsBytes("replylint-disable") }

    /// False when loading kept the body as text only (`template` empty, `prose` ""): a reply outside a
    /// pre-commit run's files, read for the library-wide checks (ids, duplicates), which read the body.
    public internal(set) var isBodyParsed: Bool {
        get { box.fields.isBodyParsed }
        set { update { $0.isBodyParsed = newValue } }
    }

    /// Its front matter could not be read (YAML that does not parse, or is over the limits): none of its
    /// settings can be trusted, so only that problem is reported and render refuses it.
    public var isUnreadable: Bool { problems.contains { $0.kind == .syntax || $0.kind == .limit } }

    /// A reply whose body is already parsed; Loading's `init(id:file:…body:…)` parses it for you.
    public init(
        id: String, file: String, title: String? = nil, faq: Located<String>? = nil,
        channels: [Located<String>] = [], tags: [String] = [], locale: String? = nil,
        placeholders: [String: PlaceholderDeclaration] = [:], media: [MediaAttachment] = [],
        disabledRules: Set<String> = [], body: String, template: ParsedTemplate, prose: String,
        bodyStart: TextPosition = TextPosition(line: 1, column: 1),
        bodyIndent: Int = 0, position: TextPosition = TextPosition(line: 1, column: 1),
        problems: [FrontMatterProblem] = []
    ) {
        self.init(fields: Fields(
            id: id, file: file, title: title, faq: faq, channels: channels, tags: tags, locale: locale,
            placeholders: placeholders, media: media, disabledRules: disabledRules, body: body, template: template,
            prose: prose, bodyStart: bodyStart, bodyIndent: bodyIndent, position: position, problems: problems))
    }

    public var channelIDs: [String] { channels.map(\.value) }

    /// Whether front matter has an unknown key that is probably a typo of `key`.
    public func hasMistyped(_ key: String) -> Bool { problems.contains { $0.suggestedKey == key } }

    /// The file position of a position inside the body (both 1-based).
    public func filePosition(ofBody position: TextPosition) -> TextPosition {
        if position.line == 1 {
            return TextPosition(line: bodyStart.line, column: bodyStart.column + position.column - 1)
        }
        return TextPosition(line: bodyStart.line + position.line - 1, column: position.column + bodyIndent)
    }
}

/// A shared snippet under `replies/_partials/`, used as `{{> name}}`.
public struct Partial: Sendable, Hashable {
    /// The name templates use: the path below `_partials/` without extension.
    public let name: String
    public let file: String
    public let text: String
    /// Parsed once when loaded, for the rules and the worst-case walk.
    public let template: ParsedTemplate

    public init(name: String, file: String, text: String, template: ParsedTemplate) {
        self.name = name
        self.file = file
        self.text = text
        self.template = template
    }

    /// The template follows from the text, so the text alone decides equality.
    public static func == (lhs: Partial, rhs: Partial) -> Bool {
        lhs.name == rhs.name && lhs.file == rhs.file && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(file)
        hasher.combine(text)
    }
}
