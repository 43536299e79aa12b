namespace Falco.Plugins.Examples.FileAccess.Classification;

/// <summary>The rules and sensitive classes used when the config does not set its own.</summary>
internal static class DefaultRules
{
    /// <summary>The built-in rules, most specific first: the first match wins, so <c>/etc/shadow</c> comes before <c>/etc/</c>.</summary>
    public static PathRuleConfig[] Rules =>
    [
        Rule("/etc/shadow", "credentials"),
        Rule("/etc/gshadow", "credentials"),
        Rule("/etc/sudoers", "credentials"),
        Rule("/etc/pam.conf", "credentials"),
        Rule("/etc/pam.d/", "credentials"),
        Rule("/etc/security/", "credentials"),
        Rule("/root/.ssh/", "ssh"),
        Rule("/home/", "ssh", contains: "/.ssh/"),
        Rule("/etc/ssh/", "ssh"),
        Rule("/etc/", "config"),
        Rule("/bin/", "binaries"),
        Rule("/sbin/", "binaries"),
        Rule("/usr/bin/", "binaries"),
        Rule("/usr/sbin/", "binaries"),
        Rule("/usr/local/bin/", "binaries"),
        Rule("/usr/local/sbin/", "binaries"),
        Rule("/lib/", "libraries"),
        Rule("/lib64/", "libraries"),
        Rule("/usr/lib/", "libraries"),
        Rule("/usr/lib64/", "libraries"),
        Rule("/usr/local/lib/", "libraries"),
        Rule("/tmp/", "temporary"),
        Rule("/var/tmp/", "temporary"),
        Rule("/dev/shm/", "temporary"),
        Rule("/proc/", "proc"),
    ];

    /// <summary>The classes whose accesses count as sensitive by default.</summary>
    public static string[] SensitiveClasses => ["credentials", "ssh"];

    private static PathRuleConfig Rule(string prefix, string cls, string? contains = null) =>
        new() { Prefix = prefix, Contains = contains, Class = cls };
}
