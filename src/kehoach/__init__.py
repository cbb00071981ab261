"""kehoach: the plan of Sở Nông nghiệp và Môi trường Quảng Trị as checked data, and its reports."""

__version__ = "0.1.0"
