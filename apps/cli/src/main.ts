process.stdout.write("kabuto: not built yet\n");
