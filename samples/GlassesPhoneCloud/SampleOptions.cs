using System.Globalization;

namespace GlassesPhoneCloud;

/// <summary>What the sample does, from its command line (see <see cref="Usage"/>).</summary>
internal sealed record SampleOptions
{
    public const string Usage = """
        usage:
          GlassesPhoneCloud [--runs N] [--seed S] [--no-throttle] [--save FILE]
              all three devices in this process, links throttled to the manifest's rates
          GlassesPhoneCloud --serve phone|cloud --port P --next HOST:PORT [--timeout SECONDS]
              host one device's stage on 127.0.0.1:P; send what it produces to HOST:PORT
              (the phone sends to the cloud, the cloud sends the scores back to the glasses)
          GlassesPhoneCloud --client --port P --next HOST:PORT [--frames N] [--interval MS] [--seed S] [--save FILE] [--timeout SECONDS]
              the glasses: run stage 0 on N camera frames, send each to the phone at HOST:PORT and wait for its
              scores on 127.0.0.1:P

          --runs N        in-process runs (default 2; the table shows the last, the first warms up)
          --seed S        seed of the first camera frame (default 1; frame k uses S + k)
          --no-throttle   do not delay transfers to the manifest's link rates
          --save FILE     write each run's input and scores to FILE (the runtime's wire format)
          --frames N      frames the client sends (default 5)
          --interval MS   pause between the client's frames (default 0)
          --timeout S     how long a link waits for an answer before it fails (default 10)
        """;

    public SampleMode Mode { get; init; } = SampleMode.InProcess;

    public int Runs { get; init; } = 2;

    public int Seed { get; init; } = 1;

    public bool Throttle { get; init; } = true;

    public string? SaveFile { get; init; }

    /// <summary>The device served in <see cref="SampleMode.Serve"/>.</summary>
    public string? Device { get; init; }

    public int Port { get; init; }

    /// <summary>Where this process sends: the next device, or (for the cloud) the glasses' results port.</summary>
    public string? Next { get; init; }

    public int Frames { get; init; } = 5;

    public TimeSpan Interval { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Parses the arguments; null after writing the problem and the usage to <paramref name="error"/>.</summary>
    public static SampleOptions? Parse(string[] args, TextWriter error)
    {
        var options = new SampleOptions();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                options = args[i] switch
                {
                    "--runs" => options with { Runs = Positive(Value()) },
                    "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--no-throttle" => options with { Throttle = false },
                    "--save" => options with { SaveFile = Value() },
                    "--serve" => options with { Mode = SampleMode.Serve, Device = Value() },
                    "--client" => options with { Mode = SampleMode.Client },
                    "--port" => options with { Port = Positive(Value()) },
                    "--next" => options with { Next = Value() },
                    "--frames" => options with { Frames = Positive(Value()) },
                    "--interval" => options with { Interval = TimeSpan.FromMilliseconds(NonNegative(Value())) },
                    "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Positive(Value())) },
                    "--help" or "-h" => options with { Mode = SampleMode.Help },
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }

            if (options.Mode is SampleMode.Serve or SampleMode.Client && (options.Port == 0 || options.Next is null))
            {
                throw new FormatException("--serve and --client need --port and --next");
            }
        }
        catch (FormatException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            error.WriteLine(Usage);
            return null;
        }

        return options;
    }

    private static int Positive(string text)
    {
        int value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new FormatException($"'{text}' must be a positive whole number");
    }

    private static int NonNegative(string text)
    {
        int value = int.Parse(text, CultureInfo.InvariantCulture);
        return value >= 0 ? value : throw new FormatException($"'{text}' must not be negative");
    }
}
