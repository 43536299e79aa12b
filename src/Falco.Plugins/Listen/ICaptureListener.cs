namespace Falco.Plugins;

/// <summary>
/// The capture listening capability (API 3.7): the framework tells the plugin when a capture
/// opens and closes (possibly several times in the plugin's life), with table access and its
/// thread pool, on which the plugin can run routines. Routines still subscribed when
/// <see cref="CaptureClose"/> returns are unsubscribed by the SDK.
/// </summary>
public interface ICaptureListener
{
    /// <summary>A capture opened.</summary>
    void CaptureOpen(ref CaptureContext context);

    /// <summary>The capture is closing.</summary>
    void CaptureClose(ref CaptureContext context);
}
