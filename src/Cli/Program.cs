Console.WriteLine("partc");
