//! moat permissions
