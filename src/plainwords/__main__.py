from plainwords.cli import main

raise SystemExit(main())
