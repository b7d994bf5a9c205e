// What `replylint init` writes: a small library — config, one reply, a partial, an FAQ and a
// moderation policy, each commented — that lints clean and shows every part's shape.

public enum LibrarySkeleton {
    /// Path in the new library, and its text.
    public static let files: [(path: String, text: String)] = [
        ("replylint.yml", PackageResources.init_replylint_yml),
        ("replies/general/thanks-public.md", PackageResources.init_thanks_md),
        ("replies/_partials/signature.mustache", PackageResources.init_signature_mustache),
        ("policies/faq.md", PackageResources.init_faq_md),
        ("policies/moderation.md", PackageResources.init_moderation_md),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
}
