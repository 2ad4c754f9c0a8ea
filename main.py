from center_app.app import main

raise SystemExit(main())
