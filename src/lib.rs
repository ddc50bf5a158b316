//! jatebo: double-entry bookkeeping in francs CFA for women's savings groups
//! and producer cooperatives.
//!
//! Layers (arrows point one way): `cli` → `service` → (`domain`, `store`);
//! `store` → `domain`. `domain` has no IO; only `store` speaks SQL.

pub mod cli;
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod service;
pub mod store;
pub mod tui;

pub use error::{Error, Result};
