using GlassesPhoneCloud;

// The GlassesPhoneCloud sample: a scene classifier split across smart glasses, a phone and the cloud by
// PartitionCompiler at build time. See README.md for the modes.
SampleOptions? options = SampleOptions.Parse(args, Console.Error);
if (options is null)
{
    return 1;
}

return options.Mode switch
{
    SampleMode.Help => Help(),
    SampleMode.Serve => await DeviceServer.RunAsync(options),
    SampleMode.Client => await GlassesClient.RunAsync(options),
    _ => await InProcessDemo.RunAsync(options),
};

static int Help()
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}
