namespace Falco.Plugins;

/// <summary>
/// A Falco plugin. A class marked with <see cref="FalcoPluginAttribute"/> implements this
/// interface (or <see cref="IPlugin{TConfig}"/>) plus one capability interface or more.
/// Each <c>plugin_init</c> call creates a new object through the class's constructor, which may
/// take a <see cref="PluginContext"/>; if the class implements <see cref="System.IDisposable"/>,
/// <c>plugin_destroy</c> disposes it.
/// </summary>
public interface IPlugin
{
}

/// <summary>
/// A Falco plugin with a typed init configuration. The init config string is validated against
/// a JSON schema derived from <typeparamref name="TConfig"/> and bound with the
/// System.Text.Json source-generated serializer of a <c>JsonSerializerContext</c> in the same
/// assembly that declares <c>[JsonSerializable(typeof(TConfig))]</c>; the constructor receives
/// the bound object. An empty config string binds as <c>{}</c>.
/// </summary>
/// <typeparam name="TConfig">The configuration type.</typeparam>
public interface IPlugin<TConfig> : IPlugin
    where TConfig : class
{
}
